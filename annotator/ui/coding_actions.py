"""The coding controller: code, uncode, quick codes, the text's context menu, and who
codes (switching the coder name, showing other coders' codings). Memos are the memo
controller's (``memo_actions``).

It is given the application context and the panels it acts on — the document view (the
selection, the spans under the caret), the codebook tree (the current code, the quick-key
numbers), "codings here" and the status bar's coder button — registers the Code and
Coders menus' actions, and runs every change as an operation on the session.
"""

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton

from annotator.services.changes import Changes
from annotator.services.project_coder import copy_participant, has_coded
from annotator.services.window_ops import codings_by_ids
from annotator.ui.code_chooser import CodeChooser
from annotator.ui.codebook_view import CodebookTree, swatch
from annotator.ui.context import AppContext
from annotator.ui.document_view import DocumentView
from annotator.ui.operations import coding as coding_ops
from annotator.ui.panels import CodingsHere
from annotator.ui.spans import Span
from annotator.ui.window_state import project_group, remember_coder

# The strings keep the translation context they had as ``self.tr`` in ``MainWindow``.
translate = QCoreApplication.translate


class CodingController(QObject):
    def __init__(self, ctx: AppContext, view: DocumentView, codebook: CodebookTree,
                 codings_here: CodingsHere, coder_button: QToolButton) -> None:
        super().__init__(view)
        self.ctx, self.view, self.codebook, self.codings_here = ctx, view, codebook, codings_here
        self.coder_button = coder_button
        self._confirmed: set[int] = set()  # coders the user agreed to code as, here
        self._keys: list[int | None] = []  # the code of number keys 1–9 (see number_keys)
        self._keys_of: object = None  # the project they belong to
        self._known: set[int] = set()  # codes already considered for a key
        ctx.session.projectChanged.connect(self.project_changed)
        view.selectionSpanChanged.connect(self.selection_changed)
        view.context_menu_hooks.append(self.fill_document_menu)
        view.cursorCodings.connect(codings_here.show_spans)
        view.codingActivated.connect(codings_here.select_coding)
        codings_here.selectRequested.connect(view.activate_span)
        codebook.codeActivated.connect(self.code_selection)
        codebook.spanDropped.connect(self.span_dropped)
        codings_here.removeRequested.connect(self.remove_codings)
        self._register(ctx)

    def _register(self, ctx: AppContext) -> None:
        reg = ctx.registry

        def selected() -> bool:
            return ctx.is_open() and self.view.selection_span() is not None

        def has_doc() -> bool:
            return ctx.is_open() and self.view.doc_id is not None

        reg.action("code", translate("MainWindow", "&Code with current code"),
                   self.code_with_current,
                   "Ctrl+Return", translate("MainWindow",
                                            "Code the selected text with the code chosen "
                                                   "in the codebook (or double-click a code)"),
                   enabled=lambda: selected() and self.codebook.current_code() is not None)
        reg.action("code_with", translate("MainWindow", "Code &with…"), self.code_with_dialog,
                   "Ctrl+K",
                   translate("MainWindow", "Choose a code for the selected text"), enabled=selected)
        reg.action("in_vivo", translate("MainWindow", "&In-vivo code"), self.in_vivo, "Ctrl+I",
                   translate("MainWindow", "Make a new code named from the selected words and code "
                                    "them"), enabled=selected)
        reg.action("uncode", translate("MainWindow", "&Uncode selection…"), self.uncode_selection,
                   "Ctrl+U", translate("MainWindow", "Remove a code of yours from the selected "
                                              "characters"), enabled=selected)
        reg.action("remove_coding", translate("MainWindow", "&Remove coding here"),
                   self.remove_coding_at_cursor, "Ctrl+Shift+U",
                   translate("MainWindow", "Remove the coding chosen under “Codings here” "
                                    "(the one where the caret is)"), enabled=has_doc)
        for n in range(1, 10):
            reg.action(f"quick_{n}", translate("MainWindow", "Quick code {0}").format(n),
                       lambda n=n: self.quick_code(n), str(n),
                       translate("MainWindow",
                                 "Code the selection with code number {0} of the quick "
                                        "list").format(n), enabled=selected)
        keys_tree = reg.add("keys_tree", QAction(translate("MainWindow",
                                                           "Number keys: fixed codes"),
                                                 ctx.window, checkable=True))
        keys_tree.setToolTip(translate("MainWindow",
                                       "Keys 1–9 keep their codes when codes are added "
                                              "or deleted (at first: the first nine of the tree)"))
        keys_recent = reg.add("keys_recent", QAction(
            translate("MainWindow", "Number keys: recent codes"), ctx.window, checkable=True))
        keys_recent.setToolTip(translate("MainWindow", "Keys 1–9 code with the codes used most "
                                                "recently"))
        group = QActionGroup(ctx.window)
        for act in (keys_tree, keys_recent):
            group.addAction(act)
            act.toggled.connect(self.quick_mode_changed)
        recent_mode = ctx.settings.value("view/quickKeys", "tree") == "recent"
        (keys_recent if recent_mode else keys_tree).setChecked(True)
        quick = reg.add_menu("quick", QMenu(translate("MainWindow", "&Quick codes"), ctx.window))
        reg.fill(quick, [*(f"quick_{n}" for n in range(1, 10)), None, "keys_tree",
                         "keys_recent"])
        reg.action("assign_key", translate("MainWindow", "Number &key…"), self.assign_key, None,
                   translate("MainWindow", "Choose the number key (1–9) that codes with the chosen "
                                    "code"),
                   enabled=lambda: ctx.is_open() and self.codebook.current_code() is not None)
        coder = reg.action("coder", translate("MainWindow", "&Switch coder…"), self.switch_coder,
                           "Ctrl+Shift+K", translate("MainWindow", "Code under another coder name"),
                           enabled=ctx.is_open)
        others = reg.action("others", translate("MainWindow", "Show &other coders' codings"),
                            ctx.session.set_show_other_coders, "Ctrl+Shift+H",
                            translate("MainWindow", "Show or hide the codings of coders other than "
                                             "you"), enabled=ctx.is_open, checkable=True)
        others.setChecked(True)
        self.coder_button.setDefaultAction(coder)
        reg.action("focus_2", translate("MainWindow", "Go to the text"), self.view.setFocus,
                   "Ctrl+2",
                   translate("MainWindow", "Move the keyboard focus to the document text"))

    def project_changed(self) -> None:
        self._confirmed.clear()
        self.coder_changed()
        self.update_quick_codes()
        if not self.ctx.is_open():
            self.codings_here.show_spans([])

    def apply_change(self, ch: Changes) -> None:
        """The quick codes, "codings here", the coder and whose codings show."""
        if ch.codebook or ch.counts:
            self.update_quick_codes()
        if ch.codebook or ch.shown:
            self.codings_here.show_spans(self.view.spans_at_cursor())
        if ch.reset or ch.coders:
            self.coder_changed()
        if ch.shown:
            self.visibility_changed()

    def coder_changed(self) -> None:
        coder = self.ctx.session.coder
        name = coder.name if coder else "—"
        self.ctx.registry["coder"].setText(translate("MainWindow", "Coder: {0}").format(name))
        self.coder_button.setText(translate("MainWindow", "Coder: {0}").format(name))
        self.coder_button.setToolTip(
            translate("MainWindow", "The current coder; click to switch"))

    def visibility_changed(self) -> None:
        others = self.ctx.registry["others"]
        others.blockSignals(True)
        others.setChecked(self.ctx.session.show_other_coders)
        others.blockSignals(False)
        self.ctx.say(translate("MainWindow", "Showing everyone's codings")
                     if self.ctx.session.show_other_coders
                     else translate("MainWindow", "Showing only your codings"))

    def quick_actions(self) -> list[QAction]:
        return [self.ctx.registry[f"quick_{n}"] for n in range(1, 10)]

    def selection_changed(self) -> None:
        """Enable the coding actions and say how much is selected."""
        self.ctx.registry.update()
        span = self.view.selection_span()
        if span is not None:
            self.ctx.say(
                translate("MainWindow", "{0} characters selected").format(span[1] - span[0]), 4000)


    def need_selection(self) -> tuple[int, int, int] | None:
        """The selected span as (document, start, end), or None with a hint."""
        span = self.view.selection_span()
        if span is None or self.view.doc_id is None:
            self.ctx.say(translate("MainWindow", "Select some text in the document first"))
            return None
        return self.view.doc_id, span[0], span[1]


    def code_selection(self, code_id: int) -> bool:
        """Code the selected text with a code (double-click, Enter, number key, menu)."""
        target = self.need_selection()
        if target is None or code_id not in self.ctx.session.codes:
            return False
        doc_id, start, end = target
        s = self.ctx.session
        return self.coder_ready() and s.execute(
            coding_ops.CodeSpan(s, doc_id, start, end, code_id))

    def coder_ready(self) -> bool:
        """Before the first coding of a coder who has not coded in this project yet (and
        is not the participant a workshop copy was made for), ask once whether to code
        under that name (a workshop's figures depend on it); "No" lets the user pick
        another name. False: code nothing."""
        s = self.ctx.session
        if s.project is None or s.coder is None:
            return False
        if (s.coder.id in self._confirmed or s.call(has_coded, s.project, s.coder.id)
                or s.call(copy_participant, s.project) == s.coder.name):
            self._confirmed.add(s.coder.id)
            return True
        name = s.coder.name
        if self.ctx.prompts.confirm(
                translate("MainWindow", "Code as {0}?").format(name),
                translate("MainWindow", "{0} has not coded in this project yet. Code as "
                                        "{0}?\n\nNo: choose another coder name.").format(name)):
            self._confirmed.add(s.coder.id)
            return True
        return self.switch_coder()


    def code_with_current(self) -> None:
        """Code the selection with the code chosen in the codebook."""
        code = self.codebook.current_code()
        if code is None:
            self.ctx.say(translate("MainWindow", "Choose a code in the codebook first"))
            return
        self.code_selection(code)


    def choose_code(self, title: str, label: str,
                    code_ids: list[int] | None = None, current: int | None = None) -> int | None:
        """Ask for a code by its path; None when the user cancels."""
        ids = code_ids if code_ids is not None else list(self.ctx.session.code_order)
        if not ids:
            self.ctx.say(translate("MainWindow", "The codebook is empty: add a code first"))
            return None
        paths = [self.ctx.session.code_path(c) for c in ids]
        index = ids.index(current) if current in ids else 0
        path = self.ctx.prompts.choice(title, label, paths, index)
        if path not in paths:
            return None
        return ids[paths.index(path)]


    def code_with_dialog(self) -> None:
        """Ask for a code (recent ones first), found by typing, and code the selection."""
        if self.need_selection() is None:
            return
        s = self.ctx.session
        if not s.code_order:
            self.ctx.say(translate("MainWindow", "The codebook is empty: add a code first"))
            return
        recent = [c for c in s.recent_codes if c in s.codes]
        ids = recent + [c for c in s.code_order if c not in recent]
        current = self.codebook.current_code()
        chooser = CodeChooser(translate("MainWindow", "Code with"),
                              translate("MainWindow", "Code:"), [s.code_path(c) for c in ids],
                              ids.index(current) if current in ids else 0, self.view.window())
        try:
            if self.ctx.prompts.dialog(chooser) and chooser.chosen() is not None:
                self.code_selection(ids[chooser.list.currentRow()])
        finally:
            chooser.deleteLater()


    def quick_code(self, n: int) -> None:
        """Code the selection with quick code number n (keys 1–9)."""
        codes = self.quick_codes()
        if n - 1 < len(codes) and codes[n - 1] is not None:
            self.code_selection(codes[n - 1])
        else:
            self.ctx.say(translate("MainWindow", "No code has the key {0}").format(n))

    def quick_mode(self) -> str:
        """Which codes the number keys mean: their own (stable) codes or the recent ones."""
        return "recent" if self.ctx.registry["keys_recent"].isChecked() else "tree"

    def quick_mode_changed(self, _checked: bool = False) -> None:
        """Remember the quick-key mode and relabel the quick codes."""
        if self.ctx.persist:
            self.ctx.settings.setValue("view/quickKeys", self.quick_mode())
        self.update_quick_codes()

    def quick_codes(self) -> list[int | None]:
        """The code of each number key, 1 to 9 (None: a free key)."""
        if self.quick_mode() == "recent":
            return list(self.ctx.session.quick_codes("recent"))
        return self.number_keys()

    def number_keys(self) -> list[int | None]:
        """Keys 1–9 keep their codes (a user's muscle memory): on the first opening of a
        project they are the first nine codes; a new code takes a free key (one never
        given, or whose code was deleted), nothing shifts; kept per project."""
        s = self.ctx.session
        if s.project is None:
            return []
        if self._keys_of is not s.project:
            self._keys_of, self._known = s.project, set(s.codes)
            self._keys = self._saved_keys() or list(s.code_order[:9])
            self._keys += [None] * (9 - len(self._keys))
        before = list(self._keys)
        for cid in s.code_order:
            if cid in self._known:
                continue
            self._known.add(cid)
            free = next((n for n, k in enumerate(self._keys) if k not in s.codes), None)
            if free is not None:
                self._keys[free] = cid
        if self._keys != before:
            self._save_keys()
        return [k if k in s.codes else None for k in self._keys]

    def assign_key(self) -> None:
        """Give the chosen code a number key of the user's choice (the code that had
        that key loses it); the keys then mean these fixed codes."""
        code = self.codebook.current_code()
        if code is None or self.ctx.session.project is None:
            return
        keys = self.number_keys()
        labels = [translate("MainWindow", "{0}  {1}").format(
            n, self.ctx.session.code_path(k) if k is not None else "—")
            for n, k in enumerate(keys, start=1)]
        current = keys.index(code) if code in keys else 0
        label = self.ctx.prompts.choice(
            translate("MainWindow", "Number key"),
            translate("MainWindow", "Key for {0}:").format(self.ctx.session.code_path(code)),
            labels, current)
        if label not in labels:
            return
        n = labels.index(label)
        self._keys = [None if k == code else k for k in self._keys]
        self._keys[n] = code
        self._save_keys()
        self.ctx.registry["keys_tree"].setChecked(True)
        self.update_quick_codes()
        self.ctx.say(translate("MainWindow", "Key {0} codes with {1}").format(
            n + 1, self.ctx.session.code_path(code)))

    def _save_keys(self) -> None:
        if self.ctx.persist:
            self.ctx.settings.setValue(self._keys_setting(),
                                       ",".join("" if k is None else str(k) for k in self._keys))

    def _keys_setting(self) -> str:
        return f"{project_group(self.ctx.session.project.location)}/numberKeys"

    def _saved_keys(self) -> list[int | None]:
        value = str(self.ctx.settings.value(self._keys_setting(), "") or "")
        keys = [int(k) if k.isdigit() else None for k in value.split(",")] if value else []
        return keys[:9]

    def update_quick_codes(self) -> None:
        """Label the quick-code actions and the tree's numbers with the current codes."""
        codes = self.quick_codes()
        self.codebook.set_quick_codes(codes)
        for n, act in enumerate(self.quick_actions(), start=1):
            if n - 1 < len(codes) and codes[n - 1] is not None:
                path = self.ctx.session.code_path(codes[n - 1])
                act.setText(translate("MainWindow", "{0}  {1}").format(n, path))
                act.setVisible(True)
            else:
                act.setText(translate("MainWindow", "Quick code {0}").format(n))
                act.setVisible(False)


    def in_vivo(self) -> None:
        """Make a code named from the selected words and code them with it."""
        target = self.need_selection()
        if target is not None and self.coder_ready():
            self.ctx.session.execute(coding_ops.InVivo(self.ctx.session, *target))


    def my_codes_in_selection(self) -> list[int]:
        """The codes of the current coder that touch the selection, in tree order."""
        span = self.view.selection_span()
        if span is None or self.ctx.session.coder is None:
            return []
        a, b = self.view.map.to_utf16(span[0]), self.view.map.to_utf16(span[1])
        mine = {s.code_id for s in self.view.index.overlapping(a, b)
                if s.coder_id == self.ctx.session.coder.id}
        return [c for c in self.ctx.session.code_order if c in mine]


    def uncode_selection(self, code_id: int | None = None) -> None:
        """Remove one of the coder's codes from the selected characters."""
        target = self.need_selection()
        if target is None:
            return
        codes = self.my_codes_in_selection()
        if code_id is None:
            if not codes:
                self.ctx.say(translate("MainWindow", "Nothing in the selection is coded by you"))
                return
            current = self.codebook.current_code()
            if current in codes:
                code_id = current
            elif len(codes) == 1:
                code_id = codes[0]
            else:
                code_id = self.choose_code(translate("MainWindow", "Uncode"),
                                      translate("MainWindow", "Remove which code?"), codes)
                if code_id is None:
                    return
        self.ctx.session.execute(coding_ops.UncodeSpan(self.ctx.session, *target, code_id))


    def span_dropped(self, code_id: int, doc_id: int, start: int, end: int) -> None:
        """Code a span dragged from the text onto a code."""
        if doc_id == self.view.doc_id and self.coder_ready():
            s = self.ctx.session
            s.execute(coding_ops.CodeSpan(s, doc_id, start, end, code_id))


    def remove_codings(self, coding_ids: list[int]) -> None:
        """Remove codings by id (undoable)."""
        infos = self.ctx.session.call(codings_by_ids, self.ctx.session.project, coding_ids)
        if infos:
            self.ctx.session.execute(coding_ops.RemoveCodings(self.ctx.session, infos))


    def remove_coding_at_cursor(self) -> None:
        """Remove the coding chosen under “Codings here” (or the only one there)."""
        span = self.codings_here.current_span()
        if span is None:
            spans = self.view.spans_at_cursor()
            span = spans[0] if len(spans) == 1 else None
        if span is None:
            self.ctx.say(translate("MainWindow",
                                 "Click inside a coded passage and choose a coding first"))
            return
        self.remove_codings([span.coding_id])


    def fill_document_menu(self, menu: QMenu, spans: list[Span]) -> None:
        """Add the coding commands to the text's context menu."""
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        selected = self.view.selection_span() is not None
        current = self.codebook.current_code()
        if selected:
            if current is not None:
                act = menu.addAction(translate("MainWindow", "Code with {0}").format(
                    self.ctx.session.code_path(current)))
                act.triggered.connect(lambda _c=False, c=current: self.code_selection(c))
            sub = menu.addMenu(translate("MainWindow", "Code with"))
            recent = [c for c in self.ctx.session.recent_codes if c in self.ctx.session.codes]
            for cid in recent:
                act = sub.addAction(swatch(self.ctx.session.code_color(cid)),
                                    self.ctx.session.code_path(cid))
                act.triggered.connect(lambda _c=False, c=cid: self.code_selection(c))
            if recent:
                sub.addSeparator()
            for cid in self.ctx.session.code_order:
                act = sub.addAction(swatch(self.ctx.session.code_color(cid)),
                                    self.ctx.session.code_path(cid))
                act.triggered.connect(lambda _c=False, c=cid: self.code_selection(c))
            menu.addAction(self.ctx.registry["in_vivo"])
            mine = self.my_codes_in_selection()
            if mine:
                sub = menu.addMenu(translate("MainWindow", "Uncode"))
                for cid in mine:
                    act = sub.addAction(swatch(self.ctx.session.code_color(cid)),
                                        self.ctx.session.code_path(cid))
                    act.triggered.connect(lambda _c=False, c=cid: self.uncode_selection(c))
        if spans:
            menu.addSeparator()
            for s in spans:
                label = translate("MainWindow", "Remove {0} ({1})").format(
                    self.ctx.session.code_path(s.code_id), self.ctx.session.coder_name(s.coder_id))
                act = menu.addAction(swatch(self.ctx.session.code_color(s.code_id)), label)
                act.triggered.connect(lambda _c=False, i=s.coding_id: self.remove_codings([i]))


    def switch_coder(self) -> bool:
        """Code under another (or a new) coder name, remembered for this project (only:
        the other projects and the command line keep theirs). True when switched."""
        if self.ctx.session.project is None:
            return False
        names = sorted(self.ctx.session.coders.values())
        current = self.ctx.session.coder.name if self.ctx.session.coder else ""
        name = self.ctx.prompts.choice(
            translate("MainWindow", "Switch coder"),
            translate("MainWindow", "Code as (pick a name or type a new one):"),
            names, names.index(current) if current in names else 0, editable=True)
        name = (name or "").strip()
        if not name or name == current or not self.ctx.session.set_coder(name):
            return False
        self._confirmed.add(self.ctx.session.coder.id)
        if self.ctx.persist:
            remember_coder(self.ctx.settings, self.ctx.session.project.location, name)
        self.ctx.say(translate("MainWindow", "You are now coding as {0}").format(name))
        return True


__all__ = ["CodingController"]
