"""The action registry: every command of the window, by id, and the menus and toolbar
built from one declarative layout.

Each controller (project, documents, coding, codebook, search, export, import, REFI-QDA
exchange, workshop, help, settings, the window's layout) makes its own ``QAction``s
through ``action()`` — id, text, tip, keys, and the function that says when it is
enabled — in its constructor. The window then builds the menu bar and the toolbar once
from ``MENUS`` and ``TOOLBAR`` (``window_actions``), so where a command sits is written
in one place, and adding a command is: register it in its controller, name it in the
layout. ``update()`` re-evaluates every enablement function (on a new project, a new
selection, a new document).
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

#: a menu entry: an action id, a submenu id as ``"menu:ID"``, or None for a separator
Entry = str | None
#: keys: a standard key, a sequence such as "Ctrl+E", or several of them
Keys = QKeySequence.StandardKey | str | list[QKeySequence.StandardKey | str] | None


class Registry:
    """Actions and submenus by id, with their enablement functions. ``host`` is the
    window: the actions' parent, where their keys work."""

    def __init__(self, host: QWidget) -> None:
        self.host = host
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._enabled: dict[str, Callable[[], bool]] = {}
        self.placed: set[str] = set()  # ids that are in a menu

    def add(self, id_: str, action: QAction, enabled: Callable[[], bool] | None = None
            ) -> QAction:
        """Register ``action``; ``enabled`` (when given) decides ``setEnabled``."""
        assert id_ not in self.actions, f"two actions are called {id_!r}"
        action.setObjectName(action.objectName() or f"action_{id_}")
        self.actions[id_] = action
        if enabled is not None:
            self._enabled[id_] = enabled
        return action

    def action(self, id_: str, text: str, slot: Callable[..., object], keys: Keys = None,
               tip: str | None = None, *, enabled: Callable[[], bool] | None = None,
               checkable: bool = False, widget: QWidget | None = None,
               name: str = "") -> QAction:
        """Make and register an action. Its tip shows as tooltip and in the status bar
        (the text without ``&`` and ``…`` when none is given); ``widget`` limits its keys
        to that widget; a checkable action's ``slot`` gets the new state."""
        action = QAction(text, self.host)
        if name:
            action.setObjectName(name)
        tip = tip or text.replace("&", "").rstrip("…")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        if keys is not None:
            action.setShortcuts([QKeySequence(k) for k in
                                 (keys if isinstance(keys, list) else [keys])])
        if widget is not None:  # a key that means this only where that widget has focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        else:
            self.host.addAction(action)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        return self.add(id_, action, enabled)

    def add_menu(self, id_: str, menu: QMenu, enabled: Callable[[], bool] | None = None
                 ) -> QMenu:
        self.menus[id_] = menu
        if enabled is not None:
            self._enabled["menu:" + id_] = enabled
        return menu

    def __getitem__(self, id_: str) -> QAction:
        return self.actions[id_]

    def update(self) -> None:
        """Enable what makes sense now."""
        for id_, enabled in self._enabled.items():
            target = (self.menus[id_[5:]].menuAction() if id_.startswith("menu:")
                      else self.actions[id_])
            target.setEnabled(enabled())

    def fill(self, menu: QMenu, entries: Sequence[Entry]) -> QMenu:
        """Put ``entries`` into ``menu``, in order."""
        menu.setToolTipsVisible(True)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry.startswith("menu:"):
                menu.addMenu(self.menus[entry[5:]])
                self.placed.add(entry)
            else:
                menu.addAction(self.actions[entry])
                self.placed.add(entry)
        return menu

    def build_menu_bar(self, bar: QMenuBar, parent: QWidget,
                       layout: Sequence[tuple[str, str, str, Sequence[Entry]]]
                       ) -> dict[str, QMenu]:
        """The menu bar from ``(id, translation context, title, entries)``; the menus
        are registered under their ids too."""
        out: dict[str, QMenu] = {}
        for id_, context, title, entries in layout:
            menu = self.menus.get(id_) or QMenu(
                QCoreApplication.translate(context, title), parent)
            self.menus[id_] = menu
            self.fill(menu, entries)
            bar.addMenu(menu)
            out[id_] = menu
        return out

    def build_toolbar(self, toolbar: QToolBar, entries: Sequence[Entry]) -> None:
        for entry in entries:
            if entry is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[entry])


__all__ = ["Entry", "Keys", "Registry"]
