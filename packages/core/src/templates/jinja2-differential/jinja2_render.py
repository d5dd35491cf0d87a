"""Renders template cases with the real Jinja2, for the differential test of our template engine.

Reads a JSON list of {"template": str, "context": object} on stdin and prints a JSON list of
{"output": str} or {"error": str}, one per case. The environment is the one strands-cli uses:
a SandboxedEnvironment with StrictUndefined, and its own truncate, tojson and regex_search filters.
"""
import json
import re
import sys

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def truncate(value, length=100):
    text = str(value)
    return text if len(text) <= length else text[: max(0, length - 3)] + "..."


def tojson(value, indent=None):
    return json.dumps(value, ensure_ascii=False, indent=indent)


def regex_search(value, pattern):
    match = re.search(pattern, str(value), re.IGNORECASE)
    if not match:
        return ""
    return match.group(1) if match.groups() else match.group(0)


def main():
    environment = SandboxedEnvironment(undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters.update(truncate=truncate, tojson=tojson, regex_search=regex_search)
    results = []
    for case in json.load(sys.stdin):
        try:
            output = environment.from_string(case["template"]).render(**case["context"])
            results.append({"output": output})
        except Exception as error:  # every failure is compared as "both error"
            results.append({"error": f"{type(error).__name__}: {error}"})
    json.dump(results, sys.stdout, ensure_ascii=False)


main()
