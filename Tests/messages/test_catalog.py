"""Every message the code writes for an editor is in the message catalog, in English and in
Swedish (Sources/Samsyn/Diagnostics/MessageCatalog+Entries.swift). The messages are read
from the source: the string given to `log.error`, `log.warning`, `Suggestion.message` and
the error types whose text reaches the editor, with `{}` for each interpolated value."""
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "Sources/Samsyn/Diagnostics/MessageCatalog+Entries.swift"
CALLS = re.compile(r"(?:\.(?:error|warning)|\bsay|printError|\bfail|KoladaError|Suggestion\.message|LinkError|Failure|EngineMissing|CSVError|DataIssue\.error|DataIssue\.warning|\bproblem|Problem)\(\s*(?:message:\s*)?(?=\")")


def literal(source: str, start: int):
    """The Swift string literal at `start` (a '"'), with `{}` for each interpolation, and
    the index after it."""
    assert source[start] == '"'
    i, out = start + 1, ""
    while source[i] != '"':
        if source.startswith("\\(", i):
            depth, i = 1, i + 2
            while depth:
                if source[i] == '"':
                    _, i = literal(source, i)
                    continue
                depth += {"(": 1, ")": -1}.get(source[i], 0)
                i += 1
            out += "{}"
        elif source[i] == "\\":
            out += {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(source[i + 1], source[i + 1])
            i += 2
        else:
            out += source[i]
            i += 1
    return out, i + 1


def messages():
    found = {}
    for path in sorted((REPO / "Sources").rglob("*.swift")):
        if "samsyn-fuzz" in path.parts:
            continue
        source = path.read_text()
        for call in CALLS.finditer(source):
            i, text = call.end(), ""
            # Literals joined with `+` make one message.
            while True:
                part, i = literal(source, i)
                text += part
                rest = source[i:].lstrip()
                if rest.startswith("+") and rest[1:].lstrip().startswith('"'):
                    i = source.index('"', i)
                    continue
                break
            found.setdefault(text, f"{path.relative_to(REPO)}")
    return found


def catalog():
    pairs = re.findall(r'\(\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")\)', CATALOG.read_text())
    return [(literal(en, 0)[0], literal(sv, 0)[0]) for en, sv in pairs]


def test_every_message_is_in_the_catalog_in_both_languages():
    entries = catalog()
    english = {en for en, _ in entries}
    endings = [en for en, _ in entries if en.startswith((" (", "; "))]
    missing = []
    for text, where in messages().items():
        if text in english or any(text.endswith(ending) and text[: -len(ending)] in english | {"{}"} for ending in endings):
            continue
        missing.append(f"{where}: {text!r}")
    assert not missing, "messages not in the catalog:\n" + "\n".join(missing)


def test_every_entry_has_its_values_in_both_languages():
    for en, sv in catalog():
        assert sv and sv != en or "{}" in en and en.count("{}") == sv.count("{}"), (en, sv)
        assert en.count("{}") == sv.count("{}"), (en, sv)
