#!/usr/bin/env python3
"""make dist: every release artifact of vpssnap, reproducibly, into one folder.

  terraform/        the registry's files: terraform-provider-vpssnap_VERSION_OS_ARCH.zip per platform
                    (launcher terraform-provider-vpssnap_vVERSION at its root), _SHA256SUMS, _manifest.json
  terraform-mirror/ a filesystem mirror, packed layout (HOSTNAME/NAMESPACE/TYPE/*.zip)
  terraform-network-mirror/  a network mirror as static files (index.json, VERSION.json, zips)
  terraform-registry/  with --gpg-key: the provider registry protocol as static files, and
                    terraform/'s SHA256SUMS.sig (terraform_registry.py)
  pulumi/           pulumi-resource-vpssnap-vVERSION-OS-ARCH.tar.gz per platform, and schema.json
  maven/            com.vpssnap:vpssnap (the Java SDK, RollbackPoints included), with
                    sources and javadoc jars, in a Maven repository layout
  npm/              vpssnap-vpssnap-VERSION.tgz, the Node.js SDK as `npm pack` makes it
  python/           pulumi_vpssnap-VERSION-py3-none-any.whl and pulumi_vpssnap-VERSION.tar.gz (the sdist)
  go/               a Go module proxy tree of github.com/vpssnap/vpssnap/sdk/go (GOPROXY=file://.../go)
  docs/             the docs in the Terraform registry's and the Pulumi registry's layouts
  runtimes.json     each platform's Java runtime: its input (package, version, SHA-256), Java
                    version, modules, size and class-data archive, so that a rebuild can tell what it used
  SHA256SUMS        every file above

The platforms are linux_amd64, linux_arm64, darwin_amd64, darwin_arm64 and windows_amd64 (--platforms
picks some). Both plugin artifacts of a platform carry the same package: the launcher, lib/*.jar (the
same on every platform) and runtime/, that platform's Java runtime (runtimes.py; on Linux with the
plugin's class-data archive, class_data.py), so a user needs nothing else. The POSIX packages' launcher
is the shell script (with lib/vpssnap-session, the warm server's helper); Windows's is the Go launcher
(--windows-launcher, provider/src/main/go/launcher), named NAME.exe as both engines look for it there,
with no warm server and so no helper. The mirrors hold hard links to the zips of terraform/, not copies.
The plugin's download URL is a literal in schema.json and in the generated SDKs; a release for
another URL (make dist PLUGIN_DOWNLOAD_URL=...) swaps that literal in copies, never in sdk/.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archives  # noqa: E402
import class_data  # noqa: E402
import maven_repository  # noqa: E402
import runtimes  # noqa: E402
import sdk_packages  # noqa: E402
import terraform_registry  # noqa: E402
import terraform_release  # noqa: E402

TYPE = "vpssnap"
# The schemes of pluginDownloadURL that the engine knows (pulumi's workspace.newPluginSource).
PLUGIN_URL_SCHEMES = ("https", "http", "github", "gitlab", "git")


def main():
    args = parse_args()
    out = os.path.abspath(args.out)
    work = os.path.join(out, ".work")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(work)
    epoch = args.epoch

    common = os.path.join(work, "common")
    build_common(args, common)
    terraform, pulumi = os.path.join(out, "terraform"), os.path.join(out, "pulumi")
    os.makedirs(terraform)
    os.makedirs(pulumi)
    tf_zips, runtimes_manifest = {}, {}
    for platform in args.platforms:
        source = fetch_runtime_input(platform, args.inputs)
        runtime = os.path.join(work, platform, "runtime")
        runtimes.build(source, os.path.join(args.jdk, "bin", "jlink"), runtime, args.inputs)
        if platform in class_data.PLATFORMS:
            dump_class_data(args, common, runtime, platform)
        runtimes_manifest[platform] = runtimes.describe(source, runtime)
        os_name, arch = platform.split("_")

        if os_name == "windows":
            launcher, session, suffix = args.windows_launcher, None, ".exe"
        else:
            launcher, session, suffix = os.path.join(common, "launcher"), os.path.join(args.session, platform, "vpssnap-session"), ""
        tf_root = package_root(common, runtime, launcher, session, os.path.join(work, platform, "terraform"),
                               f"terraform-provider-{TYPE}_v{args.version}{suffix}")
        tf_zips[platform] = os.path.join(terraform, f"terraform-provider-{TYPE}_{args.version}_{platform}.zip")
        archives.write_zip(tf_root, tf_zips[platform], epoch)

        pulumi_root = package_root(common, runtime, launcher, session, os.path.join(work, platform, "pulumi"),
                                   f"pulumi-resource-{TYPE}{suffix}")
        archives.write_tar_gz(pulumi_root, os.path.join(pulumi, f"pulumi-resource-{TYPE}-v{args.version}-{os_name}-{arch}.tar.gz"), epoch)
        shutil.rmtree(os.path.join(work, platform))
    sums = terraform_release.write_release(terraform, TYPE, args.version, list(tf_zips.values()))
    if args.gpg_key:
        try:
            signature = terraform_registry.sign(sums, args.gpg_key, epoch)
            key_id, _, armor = terraform_registry.signing_key(args.gpg_key)
        except terraform_registry.SigningError as e:
            sys.exit(f"dist: GPG_KEY={args.gpg_key}: {e}")
        terraform_registry.write_registry(os.path.join(out, "terraform-registry"), args.source, args.version, tf_zips,
                                          sums, signature, key_id, armor)
    else:
        print("dist: no GPG_KEY given: SHA256SUMS is not signed and there is no terraform-registry/ (make dist GPG_KEY=<key id>)")
    terraform_release.write_filesystem_mirror(os.path.join(out, "terraform-mirror"), args.source, list(tf_zips.values()))
    terraform_release.write_network_mirror(os.path.join(out, "terraform-network-mirror"), args.source,
                                           args.version, tf_zips)
    with open(os.path.join(out, "runtimes.json"), "w") as f:
        json.dump({"jlink": jlink_version(args.jdk), "platforms": runtimes_manifest}, f, indent=2)
        f.write("\n")

    with open(args.schema) as f:
        schema = swap_url(f.read(), args)
    with open(os.path.join(pulumi, "schema.json"), "w") as f:
        f.write(schema)

    build_maven(args, work, os.path.join(out, "maven"), epoch)
    build_npm(args, work, os.path.join(out, "npm"))
    package_sdk(args, args.sdk_python, os.path.join(work, "sdk-python"), "the Python SDK", lambda project:
                sdk_packages.build_python(project, os.path.join(out, "python"), args.python_build, args.version, epoch))
    package_sdk(args, args.sdk_go, os.path.join(work, "sdk-go"), "the Go SDK", lambda module:
                sdk_packages.build_go(module, os.path.join(out, "go"), args.go_module_zip, args.version, epoch))
    shutil.copytree(args.registry_docs, os.path.join(out, "docs"))

    shutil.rmtree(work)
    write_sums(out)
    for name in sorted(os.listdir(out)):
        print(f"dist: {name}/" if os.path.isdir(os.path.join(out, name)) else f"dist: {name}")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True)
    p.add_argument("--version", required=True)
    p.add_argument("--source", required=True, help="the Terraform source address, HOSTNAME/NAMESPACE/TYPE")
    p.add_argument("--plugin-download-url", default="",
                   help="the URL the release's SDKs and schema name (default: schema.json's pluginDownloadURL)")
    p.add_argument("--jdk", required=True, help="the JDK 25 whose jlink links the Linux runtimes")
    p.add_argument("--classlist", required=True, help="the committed class list of the Linux runtimes' archive (class_data.py)")
    p.add_argument("--platforms", default=" ".join(runtimes.PLATFORMS),
                   help="OS_ARCH, separated by spaces or commas (default: every platform: %(default)s)")
    p.add_argument("--inputs", required=True, help="where the runtimes' downloaded inputs are kept between builds")
    p.add_argument("--launcher", required=True)
    p.add_argument("--session", required=True, help="the folder of the session helper, PLATFORM/vpssnap-session")
    p.add_argument("--windows-launcher", help="the Go launcher built for windows_amd64 with this version (needed for that platform)")
    p.add_argument("--jars", required=True, help="the folder of the plugin's dependency jars")
    p.add_argument("--jar", required=True, help="the plugin's own jar")
    p.add_argument("--schema", required=True)
    p.add_argument("--sdk-java", required=True)
    p.add_argument("--sdk-nodejs-bin", required=True)
    p.add_argument("--sdk-python", required=True)
    p.add_argument("--sdk-go", required=True)
    p.add_argument("--python-build", required=True,
                   help="a python with the pinned `build` and setuptools (scripts/dist/requirements-python-build.txt)")
    p.add_argument("--go-module-zip", required=True, help="tools/pulumi/go-module-zip, built")
    p.add_argument("--registry-docs", required=True)
    p.add_argument("--epoch", type=int, required=True, help="the time stamped on every archive entry")
    p.add_argument("--mvn", default="mvn")
    p.add_argument("--gpg-key", default="", help="the GPG key that signs SHA256SUMS; with it, terraform-registry/ is written too")
    args = p.parse_args()
    with open(args.schema) as f:
        args.default_plugin_download_url = json.load(f)["pluginDownloadURL"]
    args.plugin_download_url = args.plugin_download_url or args.default_plugin_download_url
    scheme = args.plugin_download_url.split("://", 1)[0] if "://" in args.plugin_download_url else ""
    if scheme not in PLUGIN_URL_SCHEMES:
        sys.exit(f"dist: PLUGIN_DOWNLOAD_URL={args.plugin_download_url!r} is not a URL the Pulumi engine downloads "
                 f"plugins from: it must start with {', '.join(s + '://' for s in PLUGIN_URL_SCHEMES)}")
    check_jdk(args.jdk)
    args.platforms = [p for p in re.split(r"[\s,]+", args.platforms) if p]
    unknown = [p for p in args.platforms if p not in runtimes.PLATFORMS]
    if unknown or not args.platforms:
        sys.exit(f"dist: PLATFORMS={' '.join(args.platforms)!r}: {', '.join(unknown) or 'none given'} is not a platform "
                 f"this release builds; allowed: {' '.join(runtimes.PLATFORMS)}")
    windows = [p for p in args.platforms if p.startswith("windows_")]
    if windows and not (args.windows_launcher and os.path.isfile(args.windows_launcher)):
        sys.exit(f"dist: {' '.join(windows)} needs --windows-launcher, the Go launcher built for it "
                 f"(make dist builds it; found {args.windows_launcher or 'none given'})")
    return args


def check_jdk(jdk):
    """The Linux runtimes are Java 25 (docs/guides/install.md, "The bundled Java runtime"), linked by a JDK 25's jlink
    (jlink links only jmods of its own feature version)."""
    release = os.path.join(jdk, "release")
    version = ""
    if os.path.isfile(release):
        with open(release) as f:
            version = next((line.split("=", 1)[1].strip().strip('"') for line in f if line.startswith("JAVA_VERSION=")), "")
    if version.split(".")[0] != runtimes.JAVA_FEATURE or not os.path.isfile(os.path.join(jdk, "bin", "jlink")):
        sys.exit(f"dist: JLINK_JDK={jdk!r} must be a JDK {runtimes.JAVA_FEATURE} with jlink (found Java {version or 'none'}); "
                 f"install one (Temurin, or Debian 13's openjdk-{runtimes.JAVA_FEATURE}-jdk-headless), then make dist JLINK_JDK=<its home>")


def build_common(args, common):
    """launcher + lib/*.jar: what every platform's package holds beside its runtime."""
    os.makedirs(os.path.join(common, "lib"))
    for jar in sorted(os.listdir(args.jars)):
        if jar.endswith(".jar"):
            shutil.copyfile(os.path.join(args.jars, jar), os.path.join(common, "lib", jar))
    shutil.copyfile(args.jar, os.path.join(common, "lib", os.path.basename(args.jar)))
    with open(args.launcher) as f:
        launcher = f.read().replace("@VERSION@", args.version)
    with open(os.path.join(common, "launcher"), "w") as f:
        f.write(launcher)
    os.chmod(os.path.join(common, "launcher"), 0o755)


def package_root(common, runtime, launcher, session, root, launcher_name):
    """One package tree: the launcher under the engine's name, lib/ (with the platform's session
    helper, where it has a warm server) and runtime/, the jars and runtime as hard links."""
    shutil.copytree(os.path.join(common, "lib"), os.path.join(root, "lib"), copy_function=os.link)
    if session:
        shutil.copyfile(session, os.path.join(root, "lib", "vpssnap-session"))
        os.chmod(os.path.join(root, "lib", "vpssnap-session"), 0o755)
    shutil.copytree(runtime, os.path.join(root, "runtime"), copy_function=os.link)
    shutil.copyfile(launcher, os.path.join(root, launcher_name))
    os.chmod(os.path.join(root, launcher_name), 0o755)
    return root


def dump_class_data(args, common, runtime, platform):
    """The plugin's class-data archive into a Linux runtime, for the jars of the package (class_data.py)."""
    lib = os.path.join(common, "lib")
    with open(os.path.join(common, "launcher")) as f:
        flags = class_data.launcher_flags(f.read(), int(runtimes.JAVA_FEATURE))
    try:
        class_data.dump(runtime, platform, [os.path.join(lib, n) for n in sorted(os.listdir(lib)) if n.endswith(".jar")],
                        os.path.abspath(args.classlist), flags, args.epoch)
    except class_data.ClassDataError as e:
        sys.exit(f"dist: {e}")


def fetch_runtime_input(platform, inputs):
    try:
        return runtimes.fetch(platform, inputs)
    except runtimes.InputError as e:
        sys.exit(f"dist: {e}")


def jlink_version(jdk):
    result = subprocess.run([os.path.join(jdk, "bin", "jlink"), "--version"], capture_output=True, text=True)
    return result.stdout.strip()


def build_maven(args, work, repository, epoch):
    """The Java SDK, with its sources and javadoc jars (-Prelease). RollbackPoints is in it: the
    plugin serves the component (Construct), so Java stacks need no second artifact. Built
    with `package`, never `install`: a copy for another URL must not replace ~/.m2's."""
    sdk = os.path.join(work, "sdk-java")
    copy_tree_swapping_url(args.sdk_java, sdk, args)
    for project, artifact in ((sdk, "vpssnap"),):
        run([args.mvn, "-B", "-q", "-Dstyle.color=never", "-Prelease", "-DskipTests", "-f",
             os.path.join(project, "pom.xml"), "package"])
        target = os.path.join(project, "target")
        base = f"{artifact}-{args.version}"
        maven_repository.deploy(repository, "com.vpssnap", artifact, args.version, {
            ("", "pom"): os.path.join(project, "pom.xml"),
            ("", "jar"): os.path.join(target, f"{base}.jar"),
            ("sources", "jar"): os.path.join(target, f"{base}-sources.jar"),
            ("javadoc", "jar"): os.path.join(target, f"{base}-javadoc.jar"),
        }, epoch)


def build_npm(args, work, out):
    """`npm pack` of the built Node.js SDK, with @pulumi/pulumi as a peer dependency: the stack's
    own copy is the one the SDK must use (two copies break the calls to the engine)."""
    package = os.path.join(work, "sdk-nodejs")
    copy_tree_swapping_url(args.sdk_nodejs_bin, package, args)
    manifest_path = os.path.join(package, "package.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    pulumi_range = manifest.get("dependencies", {}).pop("@pulumi/pulumi")
    manifest.setdefault("peerDependencies", {})["@pulumi/pulumi"] = pulumi_range
    manifest.pop("devDependencies", None)
    manifest.pop("scripts", None)
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=4)
        f.write("\n")
    os.makedirs(out)
    run(["npm", "pack", "--silent", "--pack-destination", out], cwd=package)


def package_sdk(args, source, copy, what, build):
    """Builds one SDK's packages from a copy of its folder that names the release's plugin URL."""
    copy_tree_swapping_url(source, copy, args)
    try:
        build(copy)
    except sdk_packages.PackageError as e:
        sys.exit(f"dist: {what}: {e}")


def copy_tree_swapping_url(source, target, args):
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(
        "target", "node_modules", "__pycache__", "*.egg-info", "build", "dist"))
    if args.plugin_download_url == args.default_plugin_download_url:
        return
    for folder, _, names in os.walk(target):
        for name in names:
            path = os.path.join(folder, name)
            if not re.search(r"\.(java|json|js|ts|py|go)$", name):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if args.default_plugin_download_url in text:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(swap_url(text, args))


def swap_url(text, args):
    return text.replace(args.default_plugin_download_url, args.plugin_download_url)


def write_sums(out):
    lines = []
    for name in archives.files_under(out):
        if name != "SHA256SUMS":
            lines.append(f"{terraform_release.sha256_file(os.path.join(out, name))}  {name}\n")
    with open(os.path.join(out, "SHA256SUMS"), "w") as f:
        f.writelines(lines)


def run(command, cwd=None):
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"dist: {' '.join(command)} failed ({result.returncode}):\n{result.stdout[-4000:]}")


if __name__ == "__main__":
    main()
