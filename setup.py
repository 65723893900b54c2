"""Build step that pyproject.toml cannot express: the top-level `templates/` (data read at run
time) and `examples/` are copied into the package as `drafter/_templates` and
`drafter/_examples`, so wheels carry them and `importlib.resources` finds them. The folders stay
where they are in the repository; an editable install reads them in place."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = {"templates": "_templates", "examples": "_examples"}  # repo folder -> name in package


class build_py_with_data(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # the editable install reads the repository's folders
        for source, name in DATA.items():
            target = Path(self.build_lib) / "drafter" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": build_py_with_data})
