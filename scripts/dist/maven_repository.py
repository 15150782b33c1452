"""A Maven repository layout, as `mvn deploy` writes it, but byte-for-byte reproducible:
group/artifact/version/artifact-version[-classifier].ext with .sha1 and .md5 beside every file,
and the artifact's maven-metadata.xml stamped with the release time instead of the build's."""
import hashlib
import os
import shutil
import time


def deploy(repository, group, artifact, version, files, epoch):
    """files: {(classifier or "", extension): path}. Returns the folder written."""
    folder = os.path.join(repository, *group.split("."), artifact, version)
    os.makedirs(folder, exist_ok=True)
    for (classifier, extension), source in sorted(files.items()):
        name = f"{artifact}-{version}{'-' + classifier if classifier else ''}.{extension}"
        target = os.path.join(folder, name)
        shutil.copyfile(source, target)
        _write_checksums(target)
    metadata = os.path.join(repository, *group.split("."), artifact, "maven-metadata.xml")
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch))
    with open(metadata, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<metadata>\n'
                f"  <groupId>{group}</groupId>\n  <artifactId>{artifact}</artifactId>\n"
                f"  <versioning>\n    <latest>{version}</latest>\n    <release>{version}</release>\n"
                f"    <versions>\n      <version>{version}</version>\n    </versions>\n"
                f"    <lastUpdated>{stamp}</lastUpdated>\n  </versioning>\n</metadata>\n")
    _write_checksums(metadata)
    return folder


def _write_checksums(path):
    with open(path, "rb") as f:
        data = f.read()
    for algorithm in ("sha1", "md5"):
        with open(f"{path}.{algorithm}", "w") as out:
            out.write(hashlib.new(algorithm, data).hexdigest())
