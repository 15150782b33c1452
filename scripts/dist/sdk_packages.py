"""The Python and Go SDKs as their ecosystems publish packages: a wheel and an sdist, and a Go
module proxy tree. Each is byte for byte the same on every run from the same commit."""
import os
import re
import shutil
import subprocess
import tarfile

import archives

GO_MODULE = "github.com/vpssnap/vpssnap/sdk/go"
PYTHON_DISTRIBUTION = "pulumi_vpssnap"


class PackageError(Exception):
    pass


def build_python(project, out, python, version, epoch):
    """The wheel and the sdist of the Python SDK, by the standard `build` frontend.

    project is a copy of sdk/python that may be changed: the generator keeps its README inside
    the package folder, where pyproject.toml's `readme` does not look, and writes the licence as
    the TOML table setuptools has deprecated; both are put right here, not in sdk/ (SdkFreshnessIT
    compares sdk/ with the generator's output). `--no-isolation` builds with the pinned setuptools
    of the build virtualenv (scripts/dist/requirements-python-build.txt), not with whichever one
    the package index serves that day; SOURCE_DATE_EPOCH dates every wheel entry."""
    shutil.copyfile(os.path.join(project, PYTHON_DISTRIBUTION, "README.md"), os.path.join(project, "README.md"))
    pyproject_path = os.path.join(project, "pyproject.toml")
    with open(pyproject_path) as f:
        pyproject = f.read()
    with open(pyproject_path, "w") as f:
        f.write(spdx_licence(pyproject, pyproject_path))

    built = project.rstrip(os.sep) + ".built"
    result = subprocess.run([python, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", built, project],
                            env=dict(os.environ, SOURCE_DATE_EPOCH=str(epoch)), cwd=project,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise PackageError(f"python -m build failed ({result.returncode}):\n{result.stdout[-4000:]}")
    os.makedirs(out)
    base = f"{PYTHON_DISTRIBUTION}-{version}"
    wheel = f"{base}-py3-none-any.whl"
    if sorted(os.listdir(built)) != [wheel, f"{base}.tar.gz"]:
        raise PackageError(f"expected {wheel} and {base}.tar.gz (the release's version), built {sorted(os.listdir(built))}")
    shutil.copyfile(os.path.join(built, wheel), os.path.join(out, wheel))
    repack_sdist(os.path.join(built, f"{base}.tar.gz"), os.path.join(out, f"{base}.tar.gz"), base, epoch)


def spdx_licence(pyproject, where):
    """pyproject.toml with the generator's `[project.license] text = "X"` table as `license = "X"`,
    the SPDX expression the metadata then carries as License-Expression (core metadata 2.4)."""
    pyproject, replaced = re.subn(r'\n[ \t]*\[project\.license\]\n[ \t]*text = ("[^"\n]+")\n', r"\n  license = \1\n", pyproject)
    if replaced != 1:
        raise PackageError(f"{where}: expected one [project.license] table with a text key")
    return pyproject


def repack_sdist(source, target, top, epoch):
    """setuptools stamps the sdist's tar entries with the files' own times and its gzip header
    with now; the same files, repacked by archives.write_tar_gz, give the same bytes every time."""
    unpacked = source + ".unpacked"
    with tarfile.open(source) as archive:
        names = archive.getnames()
        if any(name != top and not name.startswith(top + "/") for name in names):
            raise PackageError(f"{source}: an sdist must hold one folder, {top}/")
        archive.extractall(unpacked, filter="data")
    archives.write_tar_gz(unpacked, target, epoch)
    shutil.rmtree(unpacked)


def build_go(module_dir, out, go_module_zip, version, epoch):
    """The Go SDK as a module proxy tree (GOPROXY=file://OUT serves it): @v/list, .info, .mod, .zip.
    The zip is written by golang.org/x/mod/zip (tools/pulumi/go-module-zip), as the go command
    makes and checks module zips. A release publishes the module by the tag sdk/go/vVERSION instead
    (docs/guides/install.md, "SDKs: Python and Go"); this tree is for trying a release before that tag exists."""
    result = subprocess.run([go_module_zip, GO_MODULE, f"v{version}", module_dir, out, str(epoch)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        raise PackageError(f"go-module-zip failed ({result.returncode}):\n{result.stdout[-4000:]}")
