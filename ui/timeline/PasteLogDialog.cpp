#include "PasteLogDialog.h"

#include "Clock.h"
#include "ConsolePalette.h"
#include "TimeDisplay.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace {
constexpr int kPreviewRows = 2000; // enough to check the reading; all entries are added
}

PasteLogDialog::PasteLogDialog(const QString &text, const QTimeZone &zone, QList<TimelineEntry> timeline, QWidget *parent)
    : QDialog(parent), m_zone(zone), m_timeline(std::move(timeline))
{
    setObjectName(QStringLiteral("pasteLogDialog"));
    setWindowTitle(tr("Add a pasted log to the timeline"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Each line that starts with a time becomes an entry at that time: \"[14:05] dana: "
                               "text\", \"14:05:07 <dana> text\", \"2026-11-29T14:05Z text\". Lines without a time "
                               "continue the entry before them."),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("pasteLogText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlainText(text);
    m_text->setMinimumHeight(140);
    layout->addWidget(m_text, 1);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->hide();
    layout->addWidget(m_progress);
    // Read again once typing or pasting pauses, not on every key.
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(250);
    m_preview = new QTableWidget(0, 3, this);
    m_preview->setObjectName(QStringLiteral("pasteLogPreview"));
    m_preview->setHorizontalHeaderLabels({tr("Time"), tr("Who"), tr("What happened")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_preview->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_preview->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setWordWrap(false);
    m_preview->setMinimumSize(820, 260);
    layout->addWidget(m_preview, 2);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("pasteLogSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("pasteLogAddButton"));
    m_add->setEnabled(false);
    layout->addWidget(buttons);

    connect(m_text, &QPlainTextEdit::textChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_settle, &QTimer::timeout, this, &PasteLogDialog::read);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<TimelineInput::Log>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<TimelineInput::Log>::finished, this, [this] {
        m_progress->hide();
        if (m_readAgain) {
            m_readAgain = false;
            read();
            return;
        }
        if (!m_watcher.isCanceled() && m_watcher.future().resultCount() > 0) {
            m_log = m_watcher.result();
            m_known = TimelineInput::alreadyOnTimeline(m_log.entries, m_timeline);
            showPreview();
        }
    });
    read();
}

PasteLogDialog::~PasteLogDialog()
{
    *m_cancel = true;
    m_watcher.waitForFinished();
}

void PasteLogDialog::read()
{
    if (m_watcher.isRunning()) {
        m_readAgain = true; // the reading under way is of an older text
        return;
    }
    m_add->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_summary->setText(tr("Reading…"));
    const QString text = m_text->toPlainText();
    const QDateTime now = Clock::nowUtc();
    const QTimeZone zone = m_zone;
    auto cancel = m_cancel;
    // A 5 MB log takes a moment to read: off the UI thread, with progress, and stoppable by closing the dialog.
    m_watcher.setFuture(QtConcurrent::run([text, now, zone, cancel](QPromise<TimelineInput::Log> &promise) {
        promise.setProgressRange(0, 100);
        promise.addResult(TimelineInput::parseLog(text, now, zone, [&](int percent) {
            promise.setProgressValue(percent);
            return !cancel->load() && !promise.isCanceled();
        }));
    }));
}

QList<TimelineInput::LogEntry> PasteLogDialog::newEntries() const
{
    QList<TimelineInput::LogEntry> fresh;
    for (qsizetype i = 0; i < m_log.entries.size(); ++i) {
        if (!m_known.value(i)) {
            fresh.append(m_log.entries.at(i));
        }
    }
    return fresh;
}

void PasteLogDialog::showPreview()
{
    const int shown = int(std::min<qsizetype>(m_log.entries.size(), kPreviewRows));
    m_preview->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const TimelineInput::LogEntry &e = m_log.entries.at(row);
        const bool known = m_known.value(row);
        QString line = e.text.left(300);
        line.replace(u'\n', QStringLiteral(" ⏎ "));
        if (known) {
            line = tr("already on the timeline: %1").arg(line);
        }
        const QStringList cells{TimeDisplay::dateTime(e.occurredAt, m_zone), e.author, line};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (known) {
                item->setForeground(ConsolePalette::faint());
                item->setToolTip(tr("The timeline already has this entry at this time; it is not added again."));
            }
            m_preview->setItem(row, column, item);
        }
    }
    const qsizetype knownCount = std::count(m_known.cbegin(), m_known.cend(), true);
    const qsizetype fresh = m_log.entries.size() - knownCount;
    QStringList parts;
    parts.append(m_log.entries.size() == 1 ? tr("1 entry") : tr("%1 entries").arg(m_log.entries.size()));
    if (knownCount > 0) {
        parts.append(knownCount == 1 ? tr("1 already on the timeline and left out")
                                     : tr("%1 already on the timeline and left out").arg(knownCount));
    }
    if (m_log.entries.size() > shown) {
        parts.append(tr("the first %1 shown").arg(shown));
    }
    QString summary = parts.join(QStringLiteral(", ")) + u'.';
    if (!m_log.problems.isEmpty()) {
        const QString problems = m_log.problems.mid(0, 5).join(QStringLiteral("; "));
        summary += u' ' + (m_log.problems.size() == 1 ? tr("1 line needs a look: %1").arg(problems)
                                                        : tr("%1 lines need a look: %2").arg(m_log.problems.size()).arg(problems));
    }
    m_summary->setText(summary);
    m_add->setText(fresh == 1 ? tr("Add 1 Entry") : tr("Add %1 Entries").arg(fresh));
    m_add->setEnabled(fresh > 0);
}
