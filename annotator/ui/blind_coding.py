"""Workshop → Blind coding: the facilitator hides everyone's codings from everyone else
until revealing them (``services/blind.py`` says what it hides and why).

Switching it on makes the current coder the facilitator; only the facilitator can reveal
(switch it off). A participant's window shows why it shows only their codings in the
status bar; on a team project every window follows the switch as it commits (the feed's
reset), on a file the next time it is opened or re-read.
"""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from annotator.services.blind import reveal, start_blind
from annotator.services.changes import RESET, Changes
from annotator.ui.context import AppContext


class BlindController(QObject):
    """The checkable Workshop → Blind coding action and the status-bar note."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        s = ctx.session
        self.action = ctx.registry.action(
            "blind", self.tr("&Blind coding"), self.toggle, None,
            self.tr("Every coder but you (the facilitator) sees only their own codings "
                    "until you reveal everyone's"),
            enabled=lambda: s.is_open and not s.blinded, checkable=True)
        self.note = QLabel()
        self.note.setObjectName("blindNote")
        ctx.window.statusBar().addPermanentWidget(self.note)
        s.projectChanged.connect(self.show_state)
        s.changed.connect(self._changed)

    def toggle(self, on: bool) -> None:
        s = self.ctx.session
        if s.project is None or s.coder is None or on == s.blind.on:
            self.show_state()
            return
        if on:
            asked = self.ctx.prompts.confirm(self.tr("Blind coding"), self.tr(
                "Switch blind coding on? Every coder but you ({0}, the facilitator) will see "
                "only their own codings, and no agreement, until you reveal them.").format(
                    s.coder.name))
            step = (lambda: start_blind(s.project, s.coder.name)) if asked else None
            done = self.tr("Blind coding is on: the participants see only their own codings")
        else:
            asked = self.ctx.prompts.confirm(self.tr("Reveal the codings"), self.tr(
                "Reveal everyone's codings to every coder? Blind coding ends."))
            step = (lambda: reveal(s.project)) if asked else None
            done = self.tr("Revealed: everyone sees everyone's codings")
        if step is None or s.call(step) is None:
            self.show_state()
            return
        s.apply(RESET)  # what every part shows depends on it
        self.ctx.say(done)

    def _changed(self, changes: Changes) -> None:
        if changes.reset or changes.coders or changes.shown:
            self.show_state()

    def show_state(self) -> None:
        """The action's tick and enablement, and the note, as the project says."""
        s = self.ctx.session
        self.action.blockSignals(True)
        self.action.setChecked(s.is_open and s.blind.on)
        self.action.blockSignals(False)
        self.action.setEnabled(s.is_open and not s.blinded)
        if not s.is_open or not s.blind.on:
            self.note.clear()
            self.note.hide()
            return
        if s.blinded:
            self.note.setText(self.tr("Blind coding: only your codings are shown"))
            self.note.setToolTip(self.tr(
                "The facilitator ({0}) reveals everyone's codings when the round is "
                "over.").format(s.blind.facilitator))
        else:
            self.note.setText(self.tr("Blind coding on (you are the facilitator)"))
            self.note.setToolTip(self.tr(
                "The participants see only their own codings until you reveal them: "
                "Workshop → Blind coding."))
        self.note.show()


__all__ = ["BlindController"]
