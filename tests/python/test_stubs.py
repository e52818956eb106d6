"""The stubs editors read (peerkit/_peerkit.pyi) name what the extension has, with the
same parameters in the same order."""
import ast
import inspect
import re
from pathlib import Path

import peerkit
from peerkit import _peerkit


def stub_signatures():
    """Qualified name -> parameter names (without self) of every def in the stub."""
    tree = ast.parse((Path(peerkit.__file__).parent / "_peerkit.pyi").read_text())
    found = {}

    def visit(body, prefix):
        for node in body:
            if isinstance(node, ast.ClassDef):
                found[prefix + node.name] = None
                visit(node.body, prefix + node.name + ".")
            elif isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.args if a.arg != "self"]
                found[prefix + node.name] = names

    visit(tree.body, "")
    return found


def runtime_signatures():
    """The same, read from the extension: pybind11 writes each signature as the first
    line of the docstring."""
    found = {}

    def parameters(function):
        first = (function.__doc__ or "").splitlines()[0]
        inside = re.match(r"\w+\((.*)\) ->", first).group(1)
        names = [p.split(":")[0].strip() for p in re.split(r",\s*(?![^\[]*\])", inside) if p]
        return [n for n in names if n != "self"]

    for name, value in vars(_peerkit).items():
        if name.startswith("_"):
            continue
        if inspect.isclass(value):
            found[name] = None
            for member, attribute in vars(value).items():
                if member.startswith("_"):
                    continue
                function = getattr(attribute, "__func__", attribute)
                found[f"{name}.{member}"] = (
                    None if isinstance(attribute, property) else parameters(function))
        elif callable(value):
            found[name] = parameters(value)
    return found


def test_the_stub_has_every_name_of_the_extension_and_no_other():
    assert sorted(stub_signatures()) == sorted(runtime_signatures())


def test_the_stub_has_the_parameters_of_each_function():
    stub = stub_signatures()
    for name, names in runtime_signatures().items():
        if names is not None:
            assert stub[name] == names, name
