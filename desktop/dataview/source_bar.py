"""The row where a dataset is chosen: plugin, split, data folder, download; plus its parameters and a message bar.

Layout only: the Data panel's chooser (``desktop/panels/data/chooser.py``) connects
the signals and owns the behaviour.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.message_bar import MessageBar
from torchdesk.desktop.widgets.param_form import ParamForm

SPLITS = ((QT_TRANSLATE_NOOP("SourceBar", "Training split"), True),
          (QT_TRANSLATE_NOOP("SourceBar", "Test split"), False))


class SourceBar(QWidget):
    """Dataset and split pickers, the data folder with Choose folder…, Download with progress and Cancel,
    the dataset's parameter form (image folder, annotations CSV) and a message bar for what went wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("dataset_choice")
        self.dataset_combo.setToolTip(translate("SourceBar", "The dataset plugin to browse."))
        self.dataset_combo.setMinimumContentsLength(14)
        self.split_combo = QComboBox()
        self.split_combo.setObjectName("split_choice")
        self.split_combo.setToolTip(translate("SourceBar", "Which split to browse (the confusion matrix refers to the "
                                                           "test split)."))
        for text, train in SPLITS:
            self.split_combo.addItem(translate("SourceBar", text), train)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("data_folder")
        self.folder_edit.setToolTip(translate("SourceBar", "The app's data folder, shared with the Train and Classify "
                                                           "panels: torchvision's layout (e.g. <folder>/MNIST/raw), an "
                                                           "image folder (one subfolder per class) or a folder with "
                                                           "annotations.csv and images/."))
        self.choose_button = QPushButton(translate("SourceBar", "Choose folder…"))
        self.choose_button.setObjectName("choose_folder")
        self.choose_button.setToolTip(translate("SourceBar", "Pick the folder that holds the dataset's files "
                                                             "(Ctrl+Shift+O)."))
        self.choose_button.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.download_button = QPushButton(translate("SourceBar", "Download"))
        self.download_button.setObjectName("download")
        self.download_button.setToolTip(translate("SourceBar", "Download the dataset's files into the data folder "
                                                               "(needs a network)."))
        self.download_progress = QProgressBar()
        self.download_progress.setObjectName("download_progress")
        self.download_progress.setToolTip(translate("SourceBar", "Download progress of the current file."))
        self.download_progress.setMaximumWidth(220)
        self.download_progress.hide()
        self.cancel_download_button = QPushButton(translate("SourceBar", "Cancel"))
        self.cancel_download_button.setObjectName("cancel_download")
        self.cancel_download_button.setToolTip(translate("SourceBar", "Stop the download; the partial file is removed "
                                                                      "(Esc)."))
        self.cancel_download_button.hide()

        self.params_box = QGroupBox(translate("SourceBar", "Dataset parameters"))
        self.params_form = ParamForm()
        params_layout = QVBoxLayout(self.params_box)
        params_layout.setContentsMargins(6, 2, 6, 2)
        params_layout.addWidget(self.params_form)
        self.params_box.hide()

        self.messages = MessageBar(self, "data_messages")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("SourceBar", "Dataset:")))
        row.addWidget(self.dataset_combo)
        row.addWidget(self.split_combo)
        row.addWidget(QLabel(translate("SourceBar", "Folder:")))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.download_button)
        row.addWidget(self.download_progress)
        row.addWidget(self.cancel_download_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.params_box)
        layout.addWidget(self.messages)
