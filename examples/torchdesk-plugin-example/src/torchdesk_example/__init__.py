"""An example torchdesk plugin: a small ResNet, a Cutout augmentation and the Lion optimizer.

torchdesk finds it through the ``example`` entry point in the ``torchdesk`` group
(see ``pyproject.toml``), which points at :mod:`torchdesk_example.plugin`.
"""

__version__ = "0.1.0"
