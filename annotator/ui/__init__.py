"""The Qt window. Everything it changes goes through ``annotator.services``.

How the window is put together (``main_window.py`` is the composition root):

* **Panels** are widgets that show something (``DocumentView``, ``CodebookTree``,
  ``SegmentsPanel``, ``OverviewPanel`` …). A panel reads the ``Session``'s caches and may
  have ``apply_change(changes)``: it updates only what it shows of one ``Changes`` record.
* **Operations** (``ui/operations/``) are the undoable steps: ``execute`` does the work
  through a service and returns the ``Changes``; ``Session.execute`` applies them and emits
  ``changed`` once.
* **Controllers** own a group of commands and their state. A controller is a class taking
  ``(ctx: AppContext, *panels it needs, *callables it needs from other controllers)``;
  in its constructor it connects to its panels' signals and registers its actions —
  ``ctx.registry.action(id, text, slot, keys, tip, enabled=…)`` — and, if it shows
  something that changes, it has ``apply_change(changes)`` and/or listens to
  ``session.projectChanged``. It asks the user only through ``ctx.prompts`` and speaks
  through ``ctx.say`` / ``ctx.show_error``. It never imports ``main_window``.
* **The layout** of the menu bar and the toolbar is one declarative table
  (``window_actions.MENUS`` / ``TOOLBAR``) naming action ids.

Adding a panel with its commands is therefore: write the panel in its own module; write
its controller (registering its actions); in ``MainWindow._build_controllers`` import the
controller (there, not at the top of ``main_window.py``: the window paints its frame
before it imports its parts, ``tests/cli/test_startup_imports.py``) and create it with the
context and the panels; name its action ids in ``MENUS`` (and, if it updates from
changes, add its ``apply_change`` to the list in ``MainWindow._wire``). A
dock belongs to its controller: it creates the ``QDockWidget`` and adds it to
``ctx.window``. ``tests/ui/test_registry.py`` checks that every action has a tip and a
shortcut or a menu entry; ``tests/ui/test_structure.py`` that only ``app.py`` imports the
main window and that ``ui/`` has no import circle.

The controllers today: ``ProjectController`` (project_lifecycle: new, open, recent,
demo, save a copy, close, quit, undo/redo), ``DocumentsController`` (document_list),
``WindowState`` (window_state: layout, place per project, text size),
``CodingController`` (coding_actions), ``CodebookController`` (codebook_editing),
``SearchController`` (text_search), ``ExportController`` (excel_export),
``OverviewController`` (overview), ``ImportUI`` (import_dialogs), ``ExchangeUI``
(exchange_menu), ``WorkshopUI`` (workshop_menu), ``HelpController`` (help_menu),
``SettingsController`` (settings_dialog).
"""
