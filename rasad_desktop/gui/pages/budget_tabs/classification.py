"""Classification: the year's codes as a tree (part → section → band → line), earmarked
lines marked, and adding a code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from rasad_desktop.core import palette
from rasad_desktop.core.classification import Level
from rasad_desktop.core.digits import to_latin_digits
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.pages.budget_tabs.base import BudgetTab

if TYPE_CHECKING:
    from rasad_desktop.gui.pages.budget import BudgetPage
from rasad_desktop.services.budget import add_line
from rasad_desktop.services.budget_admin import LineNode, line_tree

EARMARKED = QColor(palette.EARMARKED_FILL)
CODE, TITLE, LEVEL, KIND = range(4)


class ClassificationTab(BudgetTab):
    def __init__(self, page: BudgetPage) -> None:
        super().__init__(page)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tree")
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Title"), self.tr("Level"), self.tr("Revenue")])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("six digits, e.g. 110104"))
        self.code.setMinimumWidth(180)
        self.code.setMaximumWidth(220)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.earmarked = QCheckBox(self.tr("Earmarked revenue"), self)
        self.earmarked.setObjectName("earmarked")
        self.add_button = QPushButton(self.tr("Add the line"), self)
        self.add_button.setObjectName("addLine")
        self.add_button.clicked.connect(self.add)
        self.title_edit.returnPressed.connect(self.add)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")

        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Code:"), self))
        form.addWidget(self.code)
        form.addWidget(QLabel(self.tr("Title:"), self))
        form.addWidget(self.title_edit, 1)
        form.addWidget(self.earmarked)
        form.addWidget(self.add_button)
        hint = QLabel(self.tr("A code's group must exist first: 110000 before 110100, and 110100 before 110104."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addWidget(hint)

    def load(self) -> None:
        year = self.year()
        self.tree.clear()
        if year is None:
            self.summary.clear()
            return
        roots = self.read(lambda s, _: line_tree(s, year)) or []
        count = [0, 0]

        def add(node: LineNode, parent: QTreeWidget | QTreeWidgetItem) -> None:
            item = QTreeWidgetItem(parent)
            item.setText(CODE, fmt.number(node.code, self.lang))
            item.setText(TITLE, node.title)
            item.setText(LEVEL, Level(node.level).label(self.lang))
            item.setData(CODE, Qt.ItemDataRole.UserRole, node.code)
            count[0] += 1
            if node.earmarked:
                count[1] += 1
                item.setText(KIND, self.tr("Earmarked"))
                item.setToolTip(TITLE, self.tr("Earmarked revenue"))
                for col in range(4):
                    item.setBackground(col, QBrush(EARMARKED))
            else:
                item.setText(KIND, self.tr("General") if node.level == Level.ROW else "")
            for child in node.children:
                add(child, item)

        for root in roots:
            add(root, self.tree)
        self.tree.expandAll()
        self.summary.setText(self.tr("{0} codes, of which {1} earmarked.").format(
            fmt.number(count[0], self.lang), fmt.number(count[1], self.lang)))

    def item(self, code: str) -> QTreeWidgetItem | None:
        for found in self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive, CODE):
            if found.data(CODE, Qt.ItemDataRole.UserRole) == code:
                return found
        return None

    def add(self) -> bool:
        year = self.year()
        if year is None:
            return False
        code, title, earmarked = self.code.text(), self.title_edit.text(), self.earmarked.isChecked()
        done = lambda node: self.tr("Line {0} was added.").format(fmt.number(node.code, self.lang))  # noqa: E731
        ok = self.write(lambda s, actor: add_line(s, actor, year, code, title, earmarked=earmarked), done)
        if ok:
            self.ensure_loaded()
            found = self.item(to_latin_digits(code).strip())
            if found is not None:
                self.tree.setCurrentItem(found)
                self.tree.scrollToItem(found)
            self.code.clear()
            self.title_edit.clear()
            self.earmarked.setChecked(False)
        return ok
