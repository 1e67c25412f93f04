#include "TimelinePanel.h"

#include "ConsolePalette.h"

#include "AppSettings.h"
#include "Clock.h"
#include "ModelRoles.h"
#include "PasteLogDialog.h"
#include "ReasonDialog.h"
#include "EntryTextDelegate.h"
#include "TimeDisplay.h"
#include "TimelineFilterModel.h"
#include "TimelineInput.h"
#include "TimelineModel.h"
#include "VisibleRowSizer.h"
#include "Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
// The kind column edits with a list of the kinds.
class KindDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        for (auto kind : TimelineEntry::kinds()) {
            combo->addItem(TimelineEntry::kindTitle(kind), int(kind));
        }
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(ModelRoles::KindRole).toInt()));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

QTimeZone displayZone()
{
    return AppSettings().displayTimeZone();
}
} // namespace

TimelinePanel::TimelinePanel(Workspace *workspace, TimelineModel *model, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("timelineHeading"));
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    // Filters and search.
    auto *filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("timelineSearchEdit"));
    m_search->setPlaceholderText(tr("Search this timeline"));
    m_search->setClearButtonEnabled(true);
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("timelineKindFilter"));
    m_kindFilter->addItem(tr("All kinds"), -1);
    for (auto kind : TimelineEntry::kinds()) {
        m_kindFilter->addItem(TimelineEntry::kindTitle(kind), int(kind));
    }
    m_sourceFilter = new QComboBox(this);
    m_sourceFilter->setObjectName(QStringLiteral("timelineSourceFilter"));
    m_sourceFilter->addItem(tr("From anyone"), -1);
    m_sourceFilter->addItem(tr("Typed"), int(TimelineEntry::Source::Manual));
    m_sourceFilter->addItem(tr("Console"), int(TimelineEntry::Source::System));
    m_sourceFilter->addItem(tr("Alerts"), int(TimelineEntry::Source::Alert));
    m_keyOnly = new QCheckBox(tr("Key"), this);
    m_keyOnly->setObjectName(QStringLiteral("timelineKeyOnly"));
    m_keyOnly->setToolTip(tr("Only key moments"));
    m_customerOnly = new QCheckBox(tr("Customer"), this);
    m_customerOnly->setToolTip(tr("Only customer-visible entries"));
    m_showDeleted = new QCheckBox(tr("Deleted"), this);
    m_showDeleted->setObjectName(QStringLiteral("timelineShowDeleted"));
    m_showDeleted->setToolTip(tr("Show deleted entries, struck through"));
    filters->addWidget(m_search, 2);
    filters->addWidget(m_kindFilter);
    filters->addWidget(m_sourceFilter);
    filters->addWidget(m_keyOnly);
    filters->addWidget(m_customerOnly);
    filters->addWidget(m_showDeleted);
    layout->addLayout(filters);
    m_matches = new QLabel(this);
    m_matches->setTextFormat(Qt::PlainText);
    m_matches->setObjectName(QStringLiteral("timelineMatches"));
    m_matches->hide();
    layout->addWidget(m_matches);

    m_filter = new TimelineFilterModel(m_workspace->store(), this);
    m_filter->setSourceModel(model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().lineSpacing() + 2 * EntryTextDelegate::kPadding);
    auto *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TimelineModel::ColumnText, QHeaderView::Stretch); // the words get the room
    const int digits = m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00Z")) + 16; // a key moment's bold time fits
    for (int column : {TimelineModel::ColumnTime, TimelineModel::ColumnUtc, TimelineModel::ColumnThirdZone}) {
        header->resizeSection(column, digits);
    }
    header->resizeSection(TimelineModel::ColumnGap, m_view->fontMetrics().horizontalAdvance(QStringLiteral("+10h05")) + 12);
    int kindWidth = 0;
    for (auto kind : TimelineEntry::kinds()) { // the longest kind's name fits
        kindWidth = std::max(kindWidth, m_view->fontMetrics().horizontalAdvance(TimelineEntry::kindTitle(kind)));
    }
    header->resizeSection(TimelineModel::ColumnKind, kindWidth + 14);
    header->resizeSection(TimelineModel::ColumnSource, m_view->fontMetrics().horizontalAdvance(QStringLiteral("console")) + 14);
    header->resizeSection(TimelineModel::ColumnAuthor, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Sam Whitfield")) + 12);
    header->resizeSection(TimelineModel::ColumnKeyMoment, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Key")) + 14);
    header->resizeSection(TimelineModel::ColumnCustomerVisible, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Cust.")) + 14);
    m_view->setColumnHidden(TimelineModel::ColumnThirdZone, true);
    header->setMinimumSectionSize(24);
    m_view->setItemDelegateForColumn(TimelineModel::ColumnText, new EntryTextDelegate(m_view));
    // The words wrap: rows on screen take the height of their text, the selected entry all of it.
    new VisibleRowSizer(m_view, TimelineModel::ColumnText);
    m_view->setItemDelegateForColumn(TimelineModel::ColumnKind, new KindDelegate(m_view));
    layout->addWidget(m_view, 1);

    // The entry box.
    auto *entryRow = new QHBoxLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("timelineKindCombo"));
    for (auto kind : TimelineEntry::kinds()) {
        m_kind->addItem(TimelineEntry::kindTitle(kind), int(kind));
    }
    m_kind->setCurrentIndex(m_kind->findData(int(TimelineEntry::Kind::Note)));
    m_kind->setToolTip(tr("Kind of the next entry (Ctrl+1…6 in the entry box)"));
    m_entry = new QLineEdit(this);
    m_entry->setObjectName(QStringLiteral("timelineEntryEdit"));
    m_entry->setPlaceholderText(tr("What happened? Type and press Enter (Ctrl+L to come back here)"));
    m_entry->setToolTip(TimelineInput::kindPrefixHelp());
    m_entry->setClearButtonEnabled(true);
    m_entry->installEventFilter(this);
    auto *paste = m_paste = new QPushButton(tr("Paste Log…"), this);
    paste->setObjectName(QStringLiteral("pasteLogButton"));
    paste->setToolTip(tr("Add a chat log or a block of timestamped lines, previewed first"));
    entryRow->addWidget(m_kind);
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(paste);
    layout->addLayout(entryRow);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("timelineProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    // "Kept in the outbox" is true only until the outbox is sent.
    connect(m_workspace->store(), &IncidentStore::outboxChanged, this, [this](int waiting) {
        if (waiting == 0 && m_problem->text() == keptText()) {
            showProblem({});
        }
    });

    // Kind shortcuts while typing: Ctrl+1 detection … Ctrl+6 note.
    const auto kinds = TimelineEntry::kinds();
    for (int i = 0; i < kinds.size(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), m_entry, nullptr, nullptr,
                                       Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, kind = kinds.at(i)] {
            m_kind->setCurrentIndex(m_kind->findData(int(kind)));
        });
    }
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &TimelinePanel::deleteSelected);

    connect(m_entry, &QLineEdit::returnPressed, this, &TimelinePanel::submit);
    connect(paste, &QPushButton::clicked, this, [this] { pasteLog(QApplication::clipboard()->text()); });
    // Searching waits for a pause in typing: a common word over a long timeline is a large result to filter.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(150);
    connect(searchDelay, &QTimer::timeout, this, &TimelinePanel::applySearch);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this, searchDelay] {
        searchDelay->stop();
        applySearch();
    });
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kindFilter->currentData().toInt();
        m_filter->setKind(k < 0 ? std::nullopt : std::optional(TimelineEntry::Kind(k)));
    });
    connect(m_sourceFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_sourceFilter->currentData().toInt();
        m_filter->setSource(k < 0 ? std::nullopt : std::optional(TimelineEntry::Source(k)));
    });
    connect(m_keyOnly, &QCheckBox::toggled, m_filter, &TimelineFilterModel::setKeyMomentsOnly);
    connect(m_customerOnly, &QCheckBox::toggled, m_filter, &TimelineFilterModel::setCustomerVisibleOnly);
    connect(m_showDeleted, &QCheckBox::toggled, m_model, &TimelineModel::setShowDeleted);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        m_view->scrollTo(m_filter->index(first, 0));
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == TimelineModel::ColumnTime || index.column() == TimelineModel::ColumnUtc
            || index.column() == TimelineModel::ColumnThirdZone) {
            changeTimeOfSelected();
        }
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid()) {
            return;
        }
        m_view->selectRow(index.row());
        const bool typed = index.data(ModelRoles::SourceRole).toString() == TimelineEntry::sourceKey(TimelineEntry::Source::Manual);
        const bool deleted = index.data(ModelRoles::DeletedRole).toBool();
        QMenu menu(this);
        auto *edit = menu.addAction(tr("Edit Text"), this, [this, index] {
            m_view->edit(index.siblingAtColumn(TimelineModel::ColumnText));
        });
        edit->setEnabled(typed && !deleted);
        menu.addAction(tr("Change Time…"), this, &TimelinePanel::changeTimeOfSelected)->setEnabled(typed && !deleted);
        menu.addAction(index.data(ModelRoles::KeyMomentRole).toBool() ? tr("Unpin Key Moment") : tr("Pin as Key Moment"),
                       this, &TimelinePanel::togglePin)
            ->setEnabled(!deleted);
        menu.addSeparator();
        menu.addAction(tr("History…"), this, &TimelinePanel::showHistoryOfSelected);
        menu.addAction(tr("Delete…"), this, &TimelinePanel::deleteSelected)->setEnabled(!deleted);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_search->text().trimmed().isEmpty()) {
            applySearch();
        }
    });
    setIncident(0, {});
}

void TimelinePanel::setIncident(qint64 incidentId, const QString &heading)
{
    const bool changed = incidentId != m_model->incidentId();
    m_model->setIncident(incidentId);
    const bool has = incidentId > 0;
    m_heading->setText(has ? QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped())
                           : tr("Select an incident on the board to see its timeline."));
    const bool writable = has && !m_workspace->store()->isReadOnly();
    m_entry->setEnabled(writable);
    m_kind->setEnabled(writable);
    m_paste->setEnabled(writable);
    if (changed) {
        m_problem->hide();
        if (!m_search->text().isEmpty()) {
            applySearch();
        }
        if (has) {
            m_view->scrollToBottom();
        }
    }
}

void TimelinePanel::setTimeZones(const QTimeZone &display, const std::optional<QTimeZone> &third)
{
    m_model->setDisplayTimeZone(display);
    m_model->setThirdTimeZone(third);
    const QDateTime now = Clock::nowUtc();
    const bool displayIsUtc = display.offsetFromUtc(now) == 0 && display.standardTimeOffset(now) == 0
                              && !display.hasDaylightTime();
    m_view->setColumnHidden(TimelineModel::ColumnUtc, displayIsUtc);
    m_view->setColumnHidden(TimelineModel::ColumnThirdZone, !third.has_value());
}

void TimelinePanel::focusEntryBox()
{
    m_entry->setFocus(Qt::ShortcutFocusReason);
}

bool TimelinePanel::eventFilter(QObject *watched, QEvent *event)
{
    // Pasting several lines into the one-line box means a log: preview it rather than squash it into one entry.
    if (watched == m_entry && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        const QString text = QApplication::clipboard()->text();
        if (text.trimmed().contains(u'\n')) {
            pasteLog(text);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString TimelinePanel::keptText()
{
    return tr("Kept in the outbox: it goes on the timeline when the team database is back.");
}

void TimelinePanel::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void TimelinePanel::submit()
{
    const QString text = m_entry->text();
    if (text.trimmed().isEmpty() || m_model->incidentId() == 0) {
        return;
    }
    const auto kind = TimelineEntry::Kind(m_kind->currentData().toInt());
    // A typed time that lands on another day than today ("14:05" typed at 10:12 is yesterday's) is said before
    // it is written, with the date.
    const QTimeZone zone = displayZone();
    const QDateTime now = Clock::nowUtc();
    const TimelineInput::Line parsed = TimelineInput::parseLine(text, now, zone);
    if (parsed.error.isEmpty() && parsed.occurredAt.isValid()
        && parsed.occurredAt.toTimeZone(zone).date() != now.toTimeZone(zone).date()) {
        const QDateTime local = parsed.occurredAt.toTimeZone(zone);
        QMessageBox ask(QMessageBox::Question, tr("Another day"),
                        tr("This entry lands on %1 at %2, not today. Add it there?")
                            .arg(QLocale().toString(local.date(), QLocale::LongFormat),
                                 local.time().toString(QStringLiteral("HH:mm"))),
                        QMessageBox::Yes | QMessageBox::No, this);
        ask.setObjectName(QStringLiteral("anotherDayQuestion"));
        ask.setDefaultButton(QMessageBox::Yes);
        if (ask.exec() != QMessageBox::Yes) {
            return; // the words stay in the box to be corrected
        }
    }
    const auto result = m_workspace->addTimelineLine(m_model->incidentId(), text, kind, zone);
    if (!result) {
        // Keep what was typed so nothing is lost; say why it was not saved.
        showProblem(tr("Not saved: %1").arg(result.error()));
        return;
    }
    // 0: the team database is away and the entry waits in this console's outbox, sent when it is back.
    showProblem(result.value() == 0 ? keptText() : QString());
    m_entry->clear();
}

void TimelinePanel::applySearch()
{
    const QString words = m_search->text();
    const int found = m_filter->setSearch(words);
    auto *highlight = static_cast<EntryTextDelegate *>(m_view->itemDelegateForColumn(TimelineModel::ColumnText));
    highlight->setTerms(m_filter->searchTerms());
    m_view->viewport()->update();
    if (words.trimmed().isEmpty()) {
        m_matches->hide();
        return;
    }
    m_matches->setText(!m_filter->lastError().isEmpty() ? m_filter->lastError()
                       : found == 1                     ? tr("1 entry matches")
                                                        : tr("%1 entries match").arg(found));
    m_matches->show();
}

int TimelinePanel::selectedSourceRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_filter->mapToSource(current).row() : -1;
}

qint64 TimelinePanel::selectedEntryId() const
{
    const int row = selectedSourceRow();
    return row >= 0 ? m_model->indexRowAt(row).id : 0;
}

void TimelinePanel::jumpToKeyMoment(int direction)
{
    const int rows = m_filter->rowCount();
    if (rows == 0) {
        return;
    }
    const int from = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : (direction > 0 ? -1 : rows);
    for (int row = from + direction; row >= 0 && row < rows; row += direction) {
        const QModelIndex index = m_filter->index(row, TimelineModel::ColumnText);
        if (index.data(ModelRoles::KeyMomentRole).toBool()) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
}

void TimelinePanel::togglePin()
{
    const qint64 id = selectedEntryId();
    if (id == 0) {
        return;
    }
    const bool pinned = m_model->indexRowAt(selectedSourceRow()).keyMoment;
    if (const Status s = m_workspace->setKeyMoment(id, !pinned); !s) {
        showProblem(s.error());
    }
}

void TimelinePanel::deleteSelected()
{
    const qint64 id = selectedEntryId();
    if (id == 0 || m_model->indexRowAt(selectedSourceRow()).deleted) {
        return;
    }
    const TimelineEntry entry = m_model->entryAt(selectedSourceRow());
    // A reason is asked for but may be left empty: deleting is recorded and undoable either way.
    ReasonDialog dialog(tr("Delete entry"),
                        tr("Delete \"%1\"? It is kept, hidden, in the file with who deleted it and when; Undo brings "
                           "it back. Why?")
                            .arg(entry.text.left(120)),
                        this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (const Status s = m_workspace->deleteTimelineEntry(id, dialog.reason()); !s) {
        showProblem(s.error());
    }
}

void TimelinePanel::changeTimeOfSelected()
{
    const int row = selectedSourceRow();
    if (row < 0) {
        return;
    }
    TimelineEntry entry = m_model->entryAt(row);
    if (entry.id == 0 || entry.isDeleted() || entry.source != TimelineEntry::Source::Manual) {
        showProblem(tr("Only entries people typed can be moved in time."));
        return;
    }
    const QTimeZone zone = displayZone();
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("changeTimeDialog"));
    dialog.setWindowTitle(tr("Change the time of an entry"));
    auto *form = new QFormLayout(&dialog);
    auto *time = new QLineEdit(entry.occurredAt.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), &dialog);
    time->setObjectName(QStringLiteral("changeTimeEdit"));
    time->setToolTip(tr("14:05, -10m, or a full date and time (in %1 unless it says otherwise)")
                         .arg(TimeDisplay::zoneAbbreviation(Clock::nowUtc(), zone)));
    auto *reason = new QLineEdit(&dialog);
    reason->setObjectName(QStringLiteral("changeTimeReason"));
    reason->setPlaceholderText(tr("Why it moves (kept with the first time)"));
    reason->setMinimumWidth(360);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    form->addRow(tr("&When:"), time);
    form->addRow(tr("&Reason:"), reason);
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        QString error;
        const QDateTime when = TimelineInput::parseTime(time->text(), Clock::nowUtc(), zone, &error);
        if (!when.isValid()) {
            problem->setText(error);
            return;
        }
        TimelineEntry changed = entry;
        changed.occurredAt = when;
        if (const Status s = m_workspace->editTimelineEntry(changed, reason->text()); !s) {
            problem->setText(s.error());
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void TimelinePanel::showHistoryOfSelected()
{
    const int row = selectedSourceRow();
    if (row < 0) {
        return;
    }
    const TimelineEntry entry = m_model->entryAt(row);
    const auto revisions = m_workspace->store()->timelineRevisions(entry.id);
    if (!revisions) {
        showProblem(revisions.error());
        return;
    }
    const QTimeZone zone = displayZone();
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("entryHistoryDialog"));
    dialog.setWindowTitle(tr("History of an entry"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *now = new QLabel(tr("Now: %1 — %2").arg(TimeDisplay::dateTime(entry.occurredAt, zone), entry.text.left(200)), &dialog);
    now->setTextFormat(Qt::PlainText);
    now->setWordWrap(true);
    layout->addWidget(now);
    if (entry.editedAt.isValid()) {
        auto *edited = new QLabel(tr("Last changed %1 by %2").arg(TimeDisplay::dateTime(entry.editedAt, zone),
                                                                  entry.editedBy.isEmpty() ? tr("(no name)") : entry.editedBy),
                                  &dialog);
        edited->setObjectName(QStringLiteral("entryLastChanged"));
        edited->setTextFormat(Qt::PlainText);
        layout->addWidget(edited);
    }
    auto *table = new QTableWidget(int(revisions->size()), 5, &dialog);
    table->setObjectName(QStringLiteral("entryHistoryTable"));
    table->setHorizontalHeaderLabels({tr("Changed"), tr("By"), tr("What"), tr("Before"), tr("Reason")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < revisions->size(); ++i) {
        const TimelineRevision &r = revisions->at(i);
        table->setItem(i, 0, new QTableWidgetItem(TimeDisplay::dateTime(r.revisedAt, zone)));
        table->setItem(i, 1, new QTableWidgetItem(r.author));
        table->setItem(i, 2, new QTableWidgetItem(r.action == TimelineRevision::Action::Delete ? tr("deleted") : tr("edited")));
        table->setItem(i, 3, new QTableWidgetItem(tr("%1 · %2 · %3")
                                                      .arg(TimeDisplay::dateTime(r.oldOccurredAt, zone),
                                                           TimelineEntry::kindTitle(r.oldKind), r.oldText.left(200))));
        table->setItem(i, 4, new QTableWidgetItem(r.reason));
    }
    table->resizeColumnsToContents();
    table->setMinimumSize(760, 200);
    layout->addWidget(table);
    if (revisions->isEmpty()) {
        layout->addWidget(new QLabel(tr("Never changed."), &dialog));
    }
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(close);
    dialog.exec();
}

void TimelinePanel::pasteLog(const QString &text)
{
    if (m_model->incidentId() == 0 || m_workspace->store()->isReadOnly()) {
        return;
    }
    const auto timeline = m_workspace->store()->timeline(m_model->incidentId());
    if (!timeline) {
        showProblem(timeline.error());
        return;
    }
    PasteLogDialog dialog(text, displayZone(), timeline.value(), this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const auto added = m_workspace->addTimelineEntries(m_model->incidentId(), dialog.newEntries(),
                                                       TimelineEntry::Kind(m_kind->currentData().toInt()));
    showProblem(added ? QString() : tr("Nothing was added: %1").arg(added.error()));
}
