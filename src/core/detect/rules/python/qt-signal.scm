;; category: signal
;; framework: qt
;; qualifies: maker PySide6.QtCore.Signal PySide2.QtCore.Signal PyQt6.QtCore.pyqtSignal PyQt5.QtCore.pyqtSignal qtpy.QtCore.Signal
;; description: A Qt signal: a class attribute of a QObject subclass made with PySide's `Signal` or PyQt's `pyqtSignal` (`finished = Signal(str)`; Qt for Python, "Signals and Slots"). Receivers connect with `obj.finished.connect(slot)` (rule signal-connect), senders call `obj.finished.emit(...)`.
(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier)
        right: (call function: [(identifier) (attribute)] @maker))) @finding))
