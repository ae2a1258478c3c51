"""A team project, live: other members' changes reach the window as they commit, and the
window knows at once when the server has gone.

When a server project opens, ``TeamFeed`` listens to it (``store/change_feed``) *before*
the session reads it, so no step committed in between is missed. A worker thread waits on
that connection; what arrives is turned into a ``Changes`` record there
(``services/team_changes.to_changes``, its own read transaction) and handed to the
window's thread through a queue a timer drains: the session applies it like the user's
own step (counts re-read, not added), and every panel updates from the one signal. The
window's own steps carry its origin and are left out by the feed: nothing is applied twice.

When the listening connection breaks, the server is gone: the banner says so at once, and
the project is made read-only (``Project.read_only``), so every edit is refused with a
sentence saying why and nothing typed is lost in a step that cannot commit. The worker
tries again every second; once the server answers, the banner says it is back, the window
re-reads the project (others may have changed it meanwhile) and edits are allowed again.
"""

import contextlib
import queue
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

from annotator.domain.errors import AnnotatorError
from annotator.messages import msg
from annotator.services.changes import RESET, Changes
from annotator.services.team_changes import to_changes
from annotator.store.project import Project
from annotator.ui.context import AppContext
from annotator.ui.team_banner import TeamBanner

if TYPE_CHECKING:
    from annotator.store.change_feed import ChangeFeed

translate = QCoreApplication.translate

POLL_MS = 50
WAIT_SECONDS = 0.5
RETRY_SECONDS = 1.0


def _listen(project: Project) -> "ChangeFeed":
    """A listening connection (psycopg is imported only here, for a server project)."""
    from annotator.store.change_feed import ChangeFeed

    return ChangeFeed(project.url, ignore_origin=project.origin)


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


class _Listener:
    """The worker: waits for changes, reconnects; puts (kind, value) on ``out``."""

    def __init__(self, project: Project, feed: "ChangeFeed | None") -> None:
        self.project, self.feed = project, feed
        self.out: queue.SimpleQueue = queue.SimpleQueue()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="annotator-team-feed",
                                       daemon=True)

    def run(self) -> None:
        if self.feed is None:
            self.out.put(("lost", ""))
        while not self.stop.is_set():
            if self.feed is None:
                self._reconnect()
                continue
            try:
                events = self.feed.wait(WAIT_SECONDS)
                if events and not self.stop.is_set():
                    self.out.put(("changes", to_changes(self.project, events)))
            except Exception as exc:  # the connection broke: the server is gone
                self._drop()
                self.out.put(("lost", _reason(exc)))

    def _reconnect(self) -> None:
        if self.stop.wait(RETRY_SECONDS):
            return
        try:
            self.feed = _listen(self.project)
        except Exception:
            return
        self.out.put(("back", None))

    def _drop(self) -> None:
        feed, self.feed = self.feed, None
        if feed is not None:
            with contextlib.suppress(Exception):  # already broken: nothing more to close
                feed.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(WAIT_SECONDS + RETRY_SECONDS + 1)
        self._drop()


class TeamFeed(QObject):
    """Keeps the open team project live and tells the user about its server."""

    def __init__(self, ctx: AppContext, banner: TeamBanner) -> None:
        super().__init__(ctx.window)
        self.ctx, self.banner = ctx, banner
        self.listener: _Listener | None = None
        self.lost = False
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.drain)
        self.note = QLabel()
        self.note.setObjectName("teamNote")
        self.note.hide()
        ctx.window.statusBar().addPermanentWidget(self.note)
        ctx.session.opening.connect(self.start)
        ctx.session.closing.connect(self.stop)

    @property
    def live(self) -> bool:
        return self.listener is not None

    def start(self, project: Project) -> None:
        """Listen to a team project before the session reads it (files: nothing to do)."""
        self.stop()
        if project.url is None:
            return
        try:
            feed = _listen(project)
        except Exception:  # opened a moment ago, gone already: the worker keeps trying
            feed = None
        self.listener = _Listener(project, feed)
        self.listener.thread.start()
        self.timer.start()
        self._show_note()

    def stop(self) -> None:
        """The project is closing: the worker ends, the banner goes."""
        self.timer.stop()
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        self.lost = False
        self.banner.clear()
        self.note.hide()

    def _show_note(self) -> None:
        """The status bar's word on the team project: live, or waiting for its server."""
        if self.lost:
            self.note.setText(translate("TeamFeed", "Team project · offline"))
            self.note.setToolTip(translate("TeamFeed", "The server cannot be reached; "
                                           "editing is off until it is back"))
        else:
            self.note.setText(translate("TeamFeed", "Team project · live"))
            self.note.setToolTip(translate("TeamFeed", "The other members' changes show "
                                           "here as they are saved"))
        self.note.show()

    def drain(self) -> None:
        """Apply what the worker found, on the window's thread, in order."""
        if self.listener is None:
            return
        while True:
            try:
                kind, value = self.listener.out.get_nowait()
            except queue.Empty:
                return
            if kind == "changes":
                self._apply(value)
            elif kind == "lost":
                self._server_lost(value)
            else:
                self._server_back()

    def _apply(self, changes: Changes) -> None:
        session = self.ctx.session
        try:
            session.apply(changes, recount=True)
        except AnnotatorError:
            # the server went between the worker's read and this one: the worker sees it
            # too and says so; what was shown stays
            return

    def _server_lost(self, reason: str) -> None:
        project = self.ctx.session.project
        if project is None or self.lost:
            return
        self.lost = True
        self.ctx.session.offline = True
        project.read_only = msg("the connection to its server was lost; edits are refused "
                                "until it is back")
        where = project.location
        text = translate("TeamFeed", "The connection to the team project's server ({0}) was "
                         "lost. What was saved is kept; editing is off until the server is "
                         "back — Annotator keeps trying.").format(where)
        self.banner.show_lost(text)
        self.banner.setToolTip(reason)  # what libpq said, for whoever runs the server
        self._show_note()
        self.ctx.say(translate("TeamFeed", "The team project's server is gone; editing is off"),
                     0)
        self.ctx.registry.update()

    def _server_back(self) -> None:
        project = self.ctx.session.project
        if project is None:
            return
        was_lost, self.lost = self.lost, False
        project.read_only = None
        self.ctx.session.offline = False
        if not was_lost:
            return
        text = translate("TeamFeed", "Connected to the team project's server again; you can "
                         "edit again. Showing everyone's latest changes.")
        try:
            self.ctx.session.apply(RESET)  # what others did meanwhile was not announced
        except AnnotatorError as exc:
            self.ctx.say(str(exc))
        self.banner.show_back(text)
        self.banner.setToolTip("")
        self._show_note()
        self.ctx.say(text)
        self.ctx.registry.update()


__all__ = ["TeamFeed"]
