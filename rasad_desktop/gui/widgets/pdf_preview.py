"""A PDF shown inside the application: QPdfDocument + QPdfView, all pages one under the
other, scaled to the width of the view, with zoom buttons; and printing of the same pages.

The zoom is a custom factor computed from the viewport's width on every resize and show:
QPdfView's own FitToWidth / FitInView grabbed blank offscreen, and setting a fit mode
before ``show()`` spun at 100 % CPU (see the pitfalls)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSizeF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QResizeEvent, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget
from shiboken6 import Shiboken

from rasad_desktop.core import palette
from rasad_desktop.gui import format as fmt
from rasad_desktop.gui.signals import emit

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
PRINT_DPI = 300  # pages are rasterised for printing at most at this resolution


class _View(QPdfView):
    """QPdfView that says when its size changed or it was shown."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        emit(self.resized)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        emit(self.resized)


class PdfPreview(QWidget):
    """Shows PDF bytes. ``load`` keeps the bytes and the buffer the document reads from
    alive for as long as they are shown."""

    def __init__(self, language: str = "fa", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._data = QByteArray()
        self._buffer: QBuffer | None = None
        self._fit = True  # follow the width of the view until the user zooms
        self.document = QPdfDocument(self)
        self.view = _View(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        # always there, so fitting the width never makes it appear and change the width again
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.view.setStyleSheet(f"QPdfView {{ background: {palette.VIEWER_BACKGROUND}; }}")
        # QPdfView maps value 0 to the page's left edge, while a right-to-left scroll bar would
        # draw value 0 on the right: the horizontal bar keeps the page's own (physical) direction
        self.view.horizontalScrollBar().setLayoutDirection(Qt.LayoutDirection.LeftToRight)

        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setObjectName("zoomOut")
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setObjectName("zoomIn")
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("fitWidth")
        self.fit_button.setText(self.tr("Fit width"))
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pageCount")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        self.view.resized.connect(self._follow_width)
        self.document.statusChanged.connect(lambda _status: self._document_changed())
        self._document_changed()

    # ------------------------------------------------------------- loading
    def load(self, data: bytes) -> bool:
        """Show these PDF bytes; False if they are not a readable PDF."""
        old = self._buffer
        self._data = QByteArray(data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._fit = True
        self.document.load(self._buffer)
        if old is not None:  # only now: the document no longer reads from it
            old.close()
            old.deleteLater()
        return self.document.status() == QPdfDocument.Status.Ready

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        self._data = QByteArray()
        self._document_changed()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def pdf_bytes(self) -> bytes:
        return bytes(self._data.data())

    # ---------------------------------------------------------------- zoom
    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def fit_zoom(self) -> float | None:
        """The zoom at which the widest page fills the viewport's width."""
        count = self.page_count()
        if count == 0:
            return None
        widest = max(self.document.pagePointSize(i).width() for i in range(count))
        screen = QGuiApplication.primaryScreen()
        pixels_per_point = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        margins = self.view.documentMargins()
        available = self.view.viewport().width() - margins.left() - margins.right() - 2
        if widest <= 0 or available < 40:
            return None
        return min(MAX_ZOOM, max(MIN_ZOOM, available / (widest * pixels_per_point)))

    def fit_width(self) -> None:
        self._fit = True
        self._follow_width()

    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def _set_zoom(self, factor: float) -> None:
        self._fit = False
        self._apply_zoom(min(MAX_ZOOM, max(MIN_ZOOM, factor)))

    def _follow_width(self) -> None:
        if not self._fit:
            return
        factor = self.fit_zoom()
        if factor is not None and abs(factor - self.view.zoomFactor()) > 1e-3:
            self._apply_zoom(factor)

    def _apply_zoom(self, factor: float) -> None:
        """Zoom, keeping the middle of what was shown in the middle. A page newly wider
        than the view starts at its right edge in right-to-left (where Persian text begins)."""
        bars = (self.view.horizontalScrollBar(), self.view.verticalScrollBar())
        before = [((b.value() + b.pageStep() / 2) / (b.maximum() + b.pageStep())) if b.maximum() > 0 else None
                  for b in bars]
        self.view.setZoomFactor(factor)
        for bar, centre in zip(bars, before, strict=True):
            if centre is not None:
                bar.setValue(round(centre * (bar.maximum() + bar.pageStep()) - bar.pageStep() / 2))
            elif bar is bars[0] and self.isRightToLeft():
                bar.setValue(bar.maximum())

    def _document_changed(self) -> None:
        if not (Shiboken.isValid(self.document) and Shiboken.isValid(self.pages_label)):
            return  # the document says it closed while the widget is being destroyed
        count = self.page_count()
        self.pages_label.setText(self.tr("{0} pages").format(fmt.number(count, self.language)) if count else "")
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(count > 0)
        self._follow_width()

    # ------------------------------------------------------------ printing
    def print_to(self, printer: QPrinter) -> int:
        """Print the pages shown (all, or the range chosen in the print dialog)."""
        return print_pdf(self.pdf_bytes(), printer) if self.page_count() else 0


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint the pages of a PDF into ``printer`` (all, or its chosen page range): each page
    is rendered with QPdfDocument.render into an image at up to PRINT_DPI and scaled to the
    printable area. Safe in a worker thread: it reads its own QPdfDocument (QPainter on a
    QPrinter is supported off the UI thread). Returns the pages printed."""
    data_array = QByteArray(data)
    buffer = QBuffer()
    buffer.setData(data_array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        count = document.pageCount() if document.status() == QPdfDocument.Status.Ready else 0
        if count == 0:
            return 0
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(printer.fromPage(), count)
            last = min(max(printer.toPage(), first), count)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(f"the printer could not be started ({printer.outputFileName() or printer.printerName()})")
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for n, page in enumerate(range(first - 1, last)):
                if n:
                    printer.newPage()
                area = painter.viewport()
                points = document.pagePointSize(page)
                target = points.scaled(QSizeF(area.size()), Qt.AspectRatioMode.KeepAspectRatio).toSize()
                pixels = (points * dpi / 72.0).scaled(QSizeF(target), Qt.AspectRatioMode.KeepAspectRatio).toSize()
                origin = QPoint(area.x() + (area.width() - target.width()) // 2,
                                area.y() + (area.height() - target.height()) // 2)
                painter.drawImage(QRect(origin, target), _on_white(document.render(page, pixels)))
        finally:
            painter.end()
        return last - first + 1
    finally:
        document.close()
        buffer.close()


def _on_white(rendered: QImage) -> QImage:
    """The page on white paper (QPdfDocument.render leaves the background transparent)."""
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image
