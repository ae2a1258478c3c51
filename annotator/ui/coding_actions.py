"""Coding the text: code, uncode, quick codes, coding memos, the text's context menu.

Also who codes: switching the coder name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from annotator.services.window_ops import codings_by_ids
from annotator.settings import save_setting
from annotator.ui.codebook_view import swatch
from annotator.ui.operations import coding as coding_ops
from annotator.ui.spans import Span

if TYPE_CHECKING:
    from annotator.ui.context import Window

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


def selection_changed(window: Window) -> None:
    """Enable the coding actions and say how much is selected."""
    window.registry.update()
    span = window.view.selection_span()
    if span is not None:
        window.statusBar().showMessage(
            translate("MainWindow", "{0} characters selected").format(span[1] - span[0]), 4000)


def need_selection(window: Window) -> tuple[int, int, int] | None:
    """The selected span as (document, start, end), or None with a hint."""
    span = window.view.selection_span()
    if span is None or window.view.doc_id is None:
        window.say(translate("MainWindow", "Select some text in the document first"))
        return None
    return window.view.doc_id, span[0], span[1]


def code_selection(window: Window, code_id: int) -> bool:
    """Code the selected text with a code (double-click, Enter, number key, menu)."""
    target = need_selection(window)
    if target is None or code_id not in window.session.codes:
        return False
    doc_id, start, end = target
    return window.session.execute(coding_ops.CodeSpan(window.session, doc_id, start, end, code_id))


def code_with_current(window: Window) -> None:
    """Code the selection with the code chosen in the codebook."""
    code = window.codebook.current_code()
    if code is None:
        window.say(translate("MainWindow", "Choose a code in the codebook first"))
        return
    window.code_selection(code)


def choose_code(window: Window, title: str, label: str,
                code_ids: list[int] | None = None, current: int | None = None) -> int | None:
    """Ask for a code by its path; None when the user cancels."""
    ids = code_ids if code_ids is not None else list(window.session.code_order)
    if not ids:
        window.say(translate("MainWindow", "The codebook is empty: add a code first"))
        return None
    paths = [window.session.code_path(c) for c in ids]
    index = ids.index(current) if current in ids else 0
    path = window.prompts.choice(title, label, paths, index)
    if path not in paths:
        return None
    return ids[paths.index(path)]


def code_with_dialog(window: Window) -> None:
    """Ask for a code (recent ones first) and code the selection with it."""
    if need_selection(window) is None:
        return
    recent = [c for c in window.session.recent_codes if c in window.session.codes]
    ids = recent + [c for c in window.session.code_order if c not in recent]
    code = choose_code(window, translate("MainWindow", "Code with"),
                       translate("MainWindow", "Code:"), ids, window.codebook.current_code())
    if code is not None:
        window.code_selection(code)


def quick_code(window: Window, n: int) -> None:
    """Code the selection with quick code number n (keys 1–9)."""
    codes = window.session.quick_codes(quick_mode(window))
    if n - 1 < len(codes):
        window.code_selection(codes[n - 1])


def quick_mode(window: Window) -> str:
    """Which codes the number keys mean: the tree's first nine or the recent ones."""
    return "recent" if window.act_keys_recent.isChecked() else "tree"


def quick_mode_changed(window: Window, _checked: bool = False) -> None:
    """Remember the quick-key mode and relabel the quick codes."""
    if window.persist:
        window.settings.setValue("view/quickKeys", quick_mode(window))
    update_quick_codes(window)


def update_quick_codes(window: Window) -> None:
    """Label the quick-code actions and the tree's numbers with the current codes."""
    codes = window.session.quick_codes(quick_mode(window))
    window.codebook.set_quick_codes(codes)
    for n, act in enumerate(window.quick_actions, start=1):
        if n - 1 < len(codes):
            path = window.session.code_path(codes[n - 1])
            act.setText(translate("MainWindow", "{0}  {1}").format(n, path))
            act.setVisible(True)
        else:
            act.setText(translate("MainWindow", "Quick code {0}").format(n))
            act.setVisible(False)


def in_vivo(window: Window) -> None:
    """Make a code named from the selected words and code them with it."""
    target = need_selection(window)
    if target is not None:
        window.session.execute(coding_ops.InVivo(window.session, *target))


def my_codes_in_selection(window: Window) -> list[int]:
    """The codes of the current coder that touch the selection, in tree order."""
    span = window.view.selection_span()
    if span is None or window.session.coder is None:
        return []
    a, b = window.view.map.to_utf16(span[0]), window.view.map.to_utf16(span[1])
    mine = {s.code_id for s in window.view.index.overlapping(a, b)
            if s.coder_id == window.session.coder.id}
    return [c for c in window.session.code_order if c in mine]


def uncode_selection(window: Window, code_id: int | None = None) -> None:
    """Remove one of the coder's codes from the selected characters."""
    target = need_selection(window)
    if target is None:
        return
    codes = my_codes_in_selection(window)
    if code_id is None:
        if not codes:
            window.say(translate("MainWindow", "Nothing in the selection is coded by you"))
            return
        current = window.codebook.current_code()
        if current in codes:
            code_id = current
        elif len(codes) == 1:
            code_id = codes[0]
        else:
            code_id = choose_code(window, translate("MainWindow", "Uncode"),
                                  translate("MainWindow", "Remove which code?"), codes)
            if code_id is None:
                return
    window.session.execute(coding_ops.UncodeSpan(window.session, *target, code_id))


def span_dropped(window: Window, code_id: int, doc_id: int, start: int, end: int) -> None:
    """Code a span dragged from the text onto a code."""
    if doc_id == window.view.doc_id:
        window.session.execute(coding_ops.CodeSpan(window.session, doc_id, start, end, code_id))


def remove_codings(window: Window, coding_ids: list[int]) -> None:
    """Remove codings by id (undoable)."""
    infos = window.session.call(codings_by_ids, window.session.project, coding_ids)
    if infos:
        window.session.execute(coding_ops.RemoveCodings(window.session, infos))


def coding_memo(window: Window, coding_id: int) -> None:
    """Edit the memo of one coding."""
    found = window.session.call(codings_by_ids, window.session.project, [coding_id])
    if not found:
        return
    info = found[0]
    text = window.prompts.multiline(
        translate("MainWindow", "Coding memo"),
        translate("MainWindow", "Memo on this coding with {0}:").format(
            window.session.code_path(info.code_id)),
        info.memo)
    if text is not None and text != info.memo:
        window.session.execute(coding_ops.CodingMemo(window.session, info, text))


def remove_coding_at_cursor(window: Window) -> None:
    """Remove the coding chosen under “Codings here” (or the only one there)."""
    span = window.codings_here.current_span()
    if span is None:
        spans = window.view.spans_at_cursor()
        span = spans[0] if len(spans) == 1 else None
    if span is None:
        window.say(translate("MainWindow",
                             "Click inside a coded passage and choose a coding first"))
        return
    window.remove_codings([span.coding_id])


def coding_memo_at_cursor(window: Window) -> None:
    """Edit the memo of the coding where the caret is."""
    span = window.codings_here.current_span()
    if span is None:
        spans = window.view.spans_at_cursor()
        span = spans[0] if spans else None
    if span is None:
        window.say(translate("MainWindow", "Click inside a coded passage first"))
        return
    window.coding_memo(span.coding_id)


def fill_document_menu(window: Window, menu: QMenu, spans: list[Span]) -> None:
    """Add the coding commands to the text's context menu."""
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    selected = window.view.selection_span() is not None
    current = window.codebook.current_code()
    if selected:
        if current is not None:
            act = menu.addAction(translate("MainWindow", "Code with {0}").format(
                window.session.code_path(current)))
            act.triggered.connect(lambda _c=False, c=current: window.code_selection(c))
        sub = menu.addMenu(translate("MainWindow", "Code with"))
        recent = [c for c in window.session.recent_codes if c in window.session.codes]
        for cid in recent:
            act = sub.addAction(swatch(window.session.code_color(cid)),
                                window.session.code_path(cid))
            act.triggered.connect(lambda _c=False, c=cid: window.code_selection(c))
        if recent:
            sub.addSeparator()
        for cid in window.session.code_order:
            act = sub.addAction(swatch(window.session.code_color(cid)),
                                window.session.code_path(cid))
            act.triggered.connect(lambda _c=False, c=cid: window.code_selection(c))
        menu.addAction(window.act_in_vivo)
        mine = my_codes_in_selection(window)
        if mine:
            sub = menu.addMenu(translate("MainWindow", "Uncode"))
            for cid in mine:
                act = sub.addAction(swatch(window.session.code_color(cid)),
                                    window.session.code_path(cid))
                act.triggered.connect(lambda _c=False, c=cid: window.uncode_selection(c))
    if spans:
        menu.addSeparator()
        for s in spans:
            label = translate("MainWindow", "Remove {0} ({1})").format(
                window.session.code_path(s.code_id), window.session.coder_name(s.coder_id))
            act = menu.addAction(swatch(window.session.code_color(s.code_id)), label)
            act.triggered.connect(lambda _c=False, i=s.coding_id: window.remove_codings([i]))
        for s in spans:
            act = menu.addAction(translate("MainWindow", "Memo on {0}…").format(
                window.session.code_path(s.code_id)))
            act.triggered.connect(lambda _c=False, i=s.coding_id: window.coding_memo(i))
    menu.addSeparator()
    menu.addAction(window.act_doc_memo)


def switch_coder(window: Window) -> None:
    """Code under another (or a new) coder name, remembered for next time."""
    if window.session.project is None:
        return
    names = sorted(window.session.coders.values())
    current = window.session.coder.name if window.session.coder else ""
    name = window.prompts.choice(
        translate("MainWindow", "Switch coder"),
        translate("MainWindow", "Code as (pick a name or type a new one):"),
        names, names.index(current) if current in names else 0, editable=True)
    name = (name or "").strip()
    if name and name != current and window.session.set_coder(name):
        if window.persist:
            save_setting("coder", name)
        window.say(translate("MainWindow", "You are now coding as {0}").format(name))
