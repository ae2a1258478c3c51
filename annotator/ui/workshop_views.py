"""What the workshop views share: how a number, an interval or an undefined value reads
in their tables, and the sizes that make them readable on a projector.

The views themselves: ``agreement_view`` (intercoder agreement) and
``disagreements_view`` (where the coders differ, settled into a consensus). Both show
exactly what the services return; an undefined value (0/0, e.g. neither coder used a code
in a document) is the word "undefined" in grey, never 0 or 1, which a reader would take
for a result.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QSplitter, QTreeWidgetItem

from annotator.domain.agreement_bootstrap import BootstrapInterval

RAW = Qt.ItemDataRole.UserRole  # the number as the service returned it (None = undefined)
GREY = QColor("#8a8a8a")
SETTLED = QColor("#1b7a2e")
EXCERPT = 60
PROJECTED = 1.15  # the review is read from a projected screen: a little larger type
HANDLE = 9  # splitter handles wide enough to find with a mouse on a projector


def wide_handles(split: QSplitter) -> None:
    """Handles a facilitator can grab (Qt's default is 3 pixels), drawn as a ridge."""
    split.setHandleWidth(HANDLE)
    split.setChildrenCollapsible(False)
    split.setStyleSheet("QSplitter::handle { background: palette(midlight); "
                        "border: 1px solid palette(mid); margin: 1px; }")


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # combined once: a
# 20-coder table sets it on a hundred thousand cells


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkshopViews", text)


# -- formatting --------------------------------------------------------------------------


def set_value(item: QTreeWidgetItem, col: int, value: float | None, kind: str = "ratio",
              undefined_tip: str = "") -> None:
    """Show a number; None is "undefined" in grey (never 0 or 1)."""
    item.setData(col, RAW, value)
    item.setTextAlignment(col, RIGHT)
    if value is None:
        item.setText(col, _t("undefined"))
        item.setForeground(col, QBrush(GREY))
        item.setToolTip(col, undefined_tip or _t(
            "Cannot be computed (0/0): there is nothing to compare here"))
        return
    if kind == "percent":
        item.setText(col, f"{value * 100:.1f}%")
    elif kind == "count":
        item.setText(col, f"{int(value):,}")
    else:
        item.setText(col, f"{value:.3f}")


def set_interval(item: QTreeWidgetItem, col: int, interval: BootstrapInterval) -> None:
    """A bootstrap interval as "[low, high]"; undefined when too few resamples had a
    value (one document gives a point, not an interval)."""
    item.setTextAlignment(col, RIGHT)
    if interval.low is None or interval.high is None or interval.parts < 2:
        item.setData(col, RAW, None)
        item.setText(col, _t("undefined"))
        item.setForeground(col, QBrush(GREY))
        item.setToolTip(col, _t("No interval: fewer than two resamples gave a value "
                                "(one document gives a point, not an interval)"))
        return
    item.setData(col, RAW, (interval.low, interval.high))
    item.setText(col, f"[{interval.low:.3f}, {interval.high:.3f}]")
    tip = _t("{0} % interval from {1} resamples of {2} documents").format(
        round(interval.level * 100), interval.replicates, interval.parts)
    if interval.below_minimum is not None:
        tip += "\n" + _t("q (below the minimum) = {0:.3f}").format(interval.below_minimum)
    item.setToolTip(col, tip)


def set_blank(item: QTreeWidgetItem, col: int, tip: str) -> None:
    item.setData(col, RAW, None)
    item.setText(col, "")
    item.setToolTip(col, tip)


__all__ = ["GREY", "HANDLE", "PROJECTED", "RAW", "SETTLED", "set_blank", "set_interval",
           "set_value", "wide_handles"]
