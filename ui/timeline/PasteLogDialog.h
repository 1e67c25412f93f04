#pragma once

#include "TimelineInput.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

// A pasted chat log or block of timestamped lines, read off the UI thread as it is typed or pasted, and previewed
// before anything is added. Lines the timeline already holds are marked and left out.
class PasteLogDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasteLogDialog)

public:
    // timeline: the incident's entries, to mark the lines already on it.
    PasteLogDialog(const QString &text, const QTimeZone &zone, QList<TimelineEntry> timeline, QWidget *parent);
    ~PasteLogDialog() override;

    const TimelineInput::Log &log() const { return m_log; }
    // What Add adds: the log's entries without those already on the timeline.
    QList<TimelineInput::LogEntry> newEntries() const;

private:
    void read();
    void showPreview();

    QTimeZone m_zone;
    QList<TimelineEntry> m_timeline;
    QPlainTextEdit *m_text;
    QTimer *m_settle;
    bool m_readAgain = false; // the text changed while a reading ran
    QProgressBar *m_progress;
    QTableWidget *m_preview;
    QLabel *m_summary;
    QPushButton *m_add;
    QFutureWatcher<TimelineInput::Log> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    TimelineInput::Log m_log;
    QList<bool> m_known; // per entry of m_log: already on the timeline
};
