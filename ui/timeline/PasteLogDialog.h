#pragma once

#include "TimelineInput.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

// A pasted chat log or block of timestamped lines, read off the UI thread and previewed before anything is added.
class PasteLogDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasteLogDialog)

public:
    PasteLogDialog(const QString &text, const QTimeZone &zone, QWidget *parent);
    ~PasteLogDialog() override;

    const TimelineInput::Log &log() const { return m_log; }

private:
    void read();
    void showPreview();

    QTimeZone m_zone;
    QPlainTextEdit *m_text;
    QPushButton *m_read;
    QProgressBar *m_progress;
    QTableWidget *m_preview;
    QLabel *m_summary;
    QPushButton *m_add;
    QFutureWatcher<TimelineInput::Log> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    TimelineInput::Log m_log;
};
