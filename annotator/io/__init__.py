"""Files in and out: document readers, the Excel workbook, REFI-QDA exchange. No Qt."""
