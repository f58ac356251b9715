"""Maps the repository's code folders onto the ``torchdesk`` import namespace.

``core/``, ``desktop/`` and ``plugins/`` keep their short names on disk but install
as ``torchdesk.core``, ``torchdesk.desktop`` and ``torchdesk.plugins``, so nothing
generic lands at the top of site-packages. ``resources/`` ships as package data.
"""

from setuptools import find_packages, setup

FOLDERS = {
    "core": "torchdesk.core",
    "desktop": "torchdesk.desktop",
    "plugins": "torchdesk.plugins",
    "resources": "torchdesk.resources",
}

packages: list[str] = []
package_dir: dict[str, str] = {}
for folder, package in FOLDERS.items():
    package_dir[package] = folder
    packages.append(package)
    packages.extend(f"{package}.{sub}" for sub in find_packages(folder))

setup(
    packages=packages,
    package_dir=package_dir,
    package_data={"torchdesk.resources": ["*.pt", "*.json", "*.md", "*.png", "*.svg", "*.qss", "icons/*", "i18n/*.ts"]},
    include_package_data=True,
)
