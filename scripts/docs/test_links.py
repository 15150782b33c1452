"""Links that cannot rot: every relative link in README.md, ARCHITECTURE.md and docs/ must name a
file (or folder) that exists, and its #anchor a heading (or an <a id>) of that file. No network:
links with a scheme (https:, mailto:) are not followed. make unit and make test run this."""
import os
import re
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
EXPLICIT_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"")


def markdown_files():
    files = [os.path.join(ROOT, "README.md"), os.path.join(ROOT, "ARCHITECTURE.md")]
    for folder, dirs, names in os.walk(os.path.join(ROOT, "docs")):
        dirs.sort()
        files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".md")]
    return files


def prose_lines(text):
    """The lines outside fenced code blocks, with inline code blanked out."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield number, re.sub(r"`[^`]*`", "``", line)


def slug(heading):
    """GitHub's anchor for a heading: lower case, inline code kept as text, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found, seen = set(EXPLICIT_ANCHOR.findall(text)), {}
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            base = slug(match.group(2))
            count = seen.get(base, 0)
            found.add(base if count == 0 else f"{base}-{count}")
            seen[base] = count + 1
    return found


def broken_links(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    problems = []
    for number, line in prose_lines(text):
        for target in LINK.findall(line):
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                continue
            file_part, _, anchor = target.partition("#")
            resolved = path if not file_part else os.path.normpath(os.path.join(os.path.dirname(path), file_part))
            where = f"{os.path.relpath(path, ROOT)}:{number}: ({target})"
            if not os.path.exists(resolved):
                problems.append(f"{where} names {os.path.relpath(resolved, ROOT)}, which does not exist")
            elif anchor and (not resolved.endswith(".md") or anchor not in anchors(resolved)):
                problems.append(f"{where} names #{anchor}, which no heading of {os.path.relpath(resolved, ROOT)} has")
    return problems


class LinksTest(unittest.TestCase):
    def test_every_relative_link_names_a_file_and_heading_that_exist(self):
        problems = [p for path in markdown_files() for p in broken_links(path)]
        self.assertEqual([], problems, "\n".join(problems))

    def test_the_checker_sees_a_missing_file_and_a_missing_heading(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            page = os.path.join(d, "page.md")
            with open(page, "w") as f:
                f.write("# Title\n\n## Day-two features: `terraform query`\n\n[ok](#day-two-features-terraform-query) "
                        "[ok](page.md#title) [gone](missing.md) [no heading](#nowhere) [web](https://example.com/x)\n"
                        "```\n[in code](nothing.md)\n```\n")
            problems = broken_links(page)
        self.assertEqual(2, len(problems), problems)
        self.assertIn("missing.md, which does not exist", problems[0])
        self.assertIn("#nowhere, which no heading of", problems[1])


if __name__ == "__main__":
    unittest.main()
