#include "ReviewModeWindow.h"

#include "IncidentStore.h"

#include "AppSettings.h"
#include "Clock.h"
#include "ReviewSession.h"
#include "ConsolePalette.h"
#include "TimeDisplay.h"
#include "Workspace.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// More than this and the list would push the rest off the screen; the count of the others is shown instead.
constexpr int kMaxAlertsShown = 7;

const auto kInk = u"#161616"_s;
const auto kMuted = u"#4a4a4a"_s;
const auto kPaper = u"#fbfaf7"_s;

// A word longer than a line (a URL, a stack frame) gets break opportunities, so word wrap never clips it.
QString breakLongWords(const QString &text)
{
    constexpr int kLongest = 24;
    QString out;
    out.reserve(text.size() + text.size() / kLongest);
    int run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        if (run > kLongest) {
            out.append(QChar(0x200B));
            run = 1;
        }
        out.append(c);
    }
    return out;
}

QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // entries and alert names are other people's text, never markup
    label->setWordWrap(true);
    return label;
}

void setPixelSize(QWidget *w, int pixels, bool bold = false)
{
    QFont f = w->font();
    f.setPixelSize(std::max(pixels, 9));
    f.setBold(bold);
    w->setFont(f);
}
} // namespace

ReviewModeWindow::ReviewModeWindow(Workspace &workspace, qint64 incidentId, QWidget *parent)
    : QWidget(parent, Qt::Window), m_workspace(workspace),
      m_session(new ReviewSession(workspace.store(), incidentId, this))
{
    setObjectName(u"reviewModeWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setFocusPolicy(Qt::StrongFocus);
    buildLayout();
    connect(m_session, &ReviewSession::currentChanged, this, &ReviewModeWindow::render);
    connect(&m_workspace, &Workspace::editFailed, this, [this](const QString &m) { showFeedback(m, true); });
    // Another file (or the same one replaced wholesale): its incident with this id is not the one under review.
    connect(workspace.store(), &IncidentStore::storeReset, this, &QWidget::close);
    applyScale();
    render();
}

void ReviewModeWindow::buildLayout()
{
    // Dark ink on warm paper: reads on a projector in a lit room, where light-on-dark washes out.
    setStyleSheet(u"ReviewModeWindow { background: %1; } QLabel { color: %2; }"_s.arg(kPaper, kInk));
    setAutoFillBackground(true);

    auto *root = new QVBoxLayout(this);
    m_header = plainLabel(this, u"reviewHeader"_s);
    root->addWidget(m_header);
    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    root->addWidget(rule);

    auto *body = new QHBoxLayout;
    root->addLayout(body, 1);

    // The moment itself gets three fifths of the width.
    m_momentView = new QWidget(this);
    auto *main = new QVBoxLayout(m_momentView);
    main->setContentsMargins(0, 0, 0, 0);
    m_time = plainLabel(m_momentView, u"reviewTime"_s);
    m_timeDetail = plainLabel(m_momentView, u"reviewTimeDetail"_s);
    m_timeDetail->setStyleSheet(u"color: %1;"_s.arg(kMuted));
    m_entry = plainLabel(m_momentView, u"reviewEntry"_s);
    m_entry->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_entry->setTextInteractionFlags(Qt::NoTextInteraction);
    m_entryScroll = new QScrollArea(m_momentView);
    m_entryScroll->setObjectName(u"reviewEntryScroll"_s);
    m_entryScroll->setWidget(m_entry);
    m_entryScroll->setWidgetResizable(true);
    m_entryScroll->setFrameShape(QFrame::NoFrame);
    m_entryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_entryScroll->setFocusPolicy(Qt::NoFocus);
    m_entryScroll->setStyleSheet(u"QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"_s);
    m_entryMeta = plainLabel(m_momentView, u"reviewEntryMeta"_s);
    m_entryMeta->setStyleSheet(u"color: %1;"_s.arg(kMuted));
    main->addWidget(m_time);
    main->addWidget(m_timeDetail);
    main->addSpacing(12);
    main->addWidget(m_entryScroll, 1);
    main->addWidget(m_entryMeta);
    body->addWidget(m_momentView, 3);

    m_empty = plainLabel(this, u"reviewEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No key moments yet — mark entries with Ctrl+K in the timeline, or press K to add one"));
    body->addWidget(m_empty, 3);

    auto *divider = new QFrame(this);
    divider->setFrameShape(QFrame::VLine);
    body->addWidget(divider);

    // In a scroll area: many roles and alerts on a small screen scroll rather than clip.
    auto *sideScroll = new QScrollArea(this);
    sideScroll->setObjectName(u"reviewSideScroll"_s);
    sideScroll->setWidgetResizable(true);
    sideScroll->setFrameShape(QFrame::NoFrame);
    sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sideScroll->setFocusPolicy(Qt::NoFocus);
    sideScroll->setStyleSheet(u"QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"_s);
    auto *sideColumn = new QWidget(sideScroll);
    auto *side = new QVBoxLayout(sideColumn);
    side->setContentsMargins(0, 0, 0, 0);
    auto caption = [this](const QString &text) {
        auto *label = plainLabel(this, {});
        label->setText(text);
        label->setStyleSheet(u"color: %1; letter-spacing: 1px;"_s.arg(kMuted));
        m_captions.append(label);
        return label;
    };
    m_severity = plainLabel(this, u"reviewSeverity"_s);
    m_severity->setWordWrap(false);
    m_roles = plainLabel(this, u"reviewRoles"_s);
    m_alerts = plainLabel(this, u"reviewAlerts"_s);
    side->addWidget(caption(tr("SEVERITY THEN")));
    side->addWidget(m_severity, 0, Qt::AlignLeft);
    side->addSpacing(16);
    side->addWidget(caption(tr("ROLES THEN")));
    side->addWidget(m_roles);
    side->addSpacing(16);
    side->addWidget(caption(tr("ALERTS FIRING THEN")));
    side->addWidget(m_alerts);
    side->addStretch(1);
    sideScroll->setWidget(sideColumn);
    body->addWidget(sideScroll, 2);

    // Inline editors: the meeting keeps its place while someone types.
    m_keyMomentBar = new QWidget(this);
    auto *keyRow = new QHBoxLayout(m_keyMomentBar);
    keyRow->setContentsMargins(0, 0, 0, 0);
    m_keyMomentPrompt = plainLabel(m_keyMomentBar, {});
    m_keyMomentPrompt->setWordWrap(false);
    m_keyMomentEdit = new QLineEdit(m_keyMomentBar);
    m_keyMomentEdit->setObjectName(u"reviewKeyMomentEdit"_s);
    m_keyMomentEdit->setPlaceholderText(tr("What happened (a time such as 14:05 first places it elsewhere); Enter adds, Esc cancels"));
    keyRow->addWidget(m_keyMomentPrompt);
    keyRow->addWidget(m_keyMomentEdit, 1);
    root->addWidget(m_keyMomentBar);
    m_keyMomentBar->hide();
    connect(m_keyMomentEdit, &QLineEdit::returnPressed, this, &ReviewModeWindow::addKeyMoment);

    m_actionItemBar = new QWidget(this);
    auto *actionRow = new QHBoxLayout(m_actionItemBar);
    actionRow->setContentsMargins(0, 0, 0, 0);
    auto *actionPrompt = plainLabel(m_actionItemBar, {});
    actionPrompt->setWordWrap(false);
    actionPrompt->setText(tr("Action item:"));
    m_actionTitleEdit = new QLineEdit(m_actionItemBar);
    m_actionTitleEdit->setObjectName(u"reviewActionTitleEdit"_s);
    m_actionTitleEdit->setPlaceholderText(tr("What is to be done; Enter adds, Esc cancels"));
    m_actionOwner = new QComboBox(m_actionItemBar);
    m_actionOwner->setObjectName(u"reviewActionOwner"_s);
    actionRow->addWidget(actionPrompt);
    actionRow->addWidget(m_actionTitleEdit, 1);
    actionRow->addWidget(m_actionOwner);
    root->addWidget(m_actionItemBar);
    m_actionItemBar->hide();
    connect(m_actionTitleEdit, &QLineEdit::returnPressed, this, &ReviewModeWindow::addActionItem);

    m_feedback = plainLabel(this, u"reviewFeedback"_s);
    root->addWidget(m_feedback);

    auto *buttons = new QHBoxLayout;
    auto button = [this, buttons](const QString &text, const QString &name, const QString &tip, auto slot) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus); // keys belong to the window: Space must step, not press a button
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        m_buttons.append(b);
        return b;
    };
    m_first = button(tr("First"), u"reviewFirst"_s, tr("Home"), [this] { m_session->first(); });
    m_previous = button(tr("◀ Previous"), u"reviewPrevious"_s, tr("Left, Page Up"), [this] { m_session->previous(); });
    m_next = button(tr("Next ▶"), u"reviewNext"_s, tr("Right, Space, Page Down"), [this] { m_session->next(); });
    m_last = button(tr("Last"), u"reviewLast"_s, tr("End"), [this] { m_session->last(); });
    buttons->addStretch(1);
    button(tr("Add key moment (K)"), u"reviewAddKeyMoment"_s, tr("K"), [this] { openKeyMomentEditor(); });
    button(tr("Add action item (A)"), u"reviewAddActionItem"_s, tr("A"), [this] { openActionItemEditor(); });
    button(tr("Close (Esc)"), u"reviewClose"_s, tr("Esc"), [this] { close(); });
    root->addLayout(buttons);
}

void ReviewModeWindow::render()
{
    const Incident &incident = m_session->incident();
    const ReviewMoment moment = m_session->current();
    setWindowTitle(tr("Review — %1").arg(incident.reference()));

    if (!m_session->loadError().isEmpty()) {
        m_header->setText(tr("INC-%1").arg(m_session->incidentId()));
        m_empty->setText(m_session->loadError());
    } else if (!moment.isValid()) {
        m_header->setText(tr("%1 %2 · No key moments").arg(incident.reference(), incident.title));
        m_empty->setText(tr("No key moments yet — mark entries with Ctrl+K in the timeline, or press K to add one"));
    } else {
        m_header->setText(
            tr("%1 %2 · Key moment %3 of %4").arg(incident.reference(), incident.title).arg(moment.index + 1).arg(moment.count));
    }
    m_momentView->setVisible(moment.isValid());
    m_empty->setVisible(!moment.isValid());
    m_first->setEnabled(moment.index > 0);
    m_previous->setEnabled(moment.index > 0);
    m_next->setEnabled(moment.isValid() && moment.index + 1 < moment.count);
    m_last->setEnabled(moment.isValid() && moment.index + 1 < moment.count);

    const QTimeZone zone = AppSettings().displayTimeZone();
    // With no moment the side column shows the state now, so the meeting still sees who holds what.
    const QDateTime t = moment.isValid() ? moment.entry.occurredAt : Clock::nowUtc();
    if (moment.isValid()) {
        m_time->setText(TimeDisplay::clock(t, zone));
        QString detail = TimeDisplay::dateTime(t, zone);
        if (zone.offsetFromUtc(t) != 0) {
            detail += u" · "_s + TimeDisplay::utcClock(t);
        }
        if (incident.declaredAt.isValid() && incident.declaredAt <= t) {
            detail += u" · "_s + tr("%1 after declaration").arg(TimeDisplay::duration(incident.declaredAt.secsTo(t)));
        }
        m_timeDetail->setText(detail);
        m_entry->setText(breakLongWords(moment.entry.text));
        QString meta = TimelineEntry::kindTitle(moment.entry.kind);
        if (!moment.entry.author.isEmpty()) {
            meta += u" · "_s + moment.entry.author;
        }
        m_entryMeta->setText(meta);
        m_entryScroll->verticalScrollBar()->setValue(0);
    }

    const Severity severity = moment.isValid() ? moment.severity : m_session->severityAt(t);
    m_severity->setText(u" "_s + Severities::label(severity) + u" "_s);
    m_severity->setStyleSheet(u"QLabel { background: %1; color: white; border-radius: 6px; padding: 4px 12px; }"_s.arg(
        ConsolePalette::severity(severity).name()));

    const auto roles = moment.isValid() ? moment.roles : m_session->rolesAt(t);
    QStringList roleLines;
    for (const auto &holder : roles) {
        roleLines.append(tr("%1: %2").arg(holder.role, holder.person));
    }
    m_roles->setText(roleLines.isEmpty() ? tr("Nobody yet") : roleLines.join(u'\n'));

    const auto alerts = moment.isValid() ? moment.firingAlerts : m_session->firingAlertsAt(t);
    QStringList alertLines;
    for (qsizetype i = 0; i < std::min<qsizetype>(alerts.size(), kMaxAlertsShown); ++i) {
        const auto &a = alerts.at(i);
        QString line = u"● "_s + breakLongWords(a.name);
        if (!a.severityLabel.isEmpty()) {
            line += u" · "_s + a.severityLabel;
        }
        line += u" · "_s + tr("since %1").arg(a.since.toTimeZone(zone).toString(u"HH:mm"_s));
        alertLines.append(line);
    }
    if (alerts.size() > kMaxAlertsShown) {
        alertLines.append(tr("and %n more", nullptr, int(alerts.size() - kMaxAlertsShown)));
    }
    m_alerts->setText(alertLines.isEmpty() ? tr("None") : alertLines.join(u'\n'));
    fitEntryText();
}

void ReviewModeWindow::applyScale()
{
    // Sized from the window's height, so the same layout reads across a room on a laptop or a wall screen.
    const double unit = std::max(height(), 480) / 1080.0;
    auto px = [unit](double at1080) { return int(at1080 * unit); };
    setPixelSize(m_header, px(30), true);
    setPixelSize(m_time, px(64), true);
    setPixelSize(m_timeDetail, px(24));
    m_entryPixels = px(46);
    setPixelSize(m_entry, m_entryPixels);
    setPixelSize(m_entryMeta, px(22));
    setPixelSize(m_empty, px(36));
    for (QLabel *c : std::as_const(m_captions)) {
        setPixelSize(c, px(20), true);
    }
    setPixelSize(m_severity, px(40), true);
    setPixelSize(m_roles, px(28));
    setPixelSize(m_alerts, px(26));
    for (QWidget *w : {static_cast<QWidget *>(m_feedback), static_cast<QWidget *>(m_keyMomentPrompt),
                       static_cast<QWidget *>(m_keyMomentEdit), static_cast<QWidget *>(m_actionTitleEdit),
                       static_cast<QWidget *>(m_actionOwner)}) {
        setPixelSize(w, px(24));
    }
    for (QPushButton *b : std::as_const(m_buttons)) {
        setPixelSize(b, px(22));
        b->setMinimumHeight(px(48));
    }
    const int margin = px(40);
    layout()->setContentsMargins(margin, px(24), margin, px(24));
    layout()->setSpacing(px(14));
}

void ReviewModeWindow::fitEntryText()
{
    // A long entry shrinks (down to about half size) to fit whole; beyond that the area scrolls rather than clip.
    const QSize room = m_entryScroll->viewport()->size();
    if (room.width() < 50 || room.height() < 50 || m_entry->text().isEmpty()) {
        return;
    }
    const int smallest = std::max(m_entryPixels / 2, 12);
    int pixels = m_entryPixels;
    for (; pixels > smallest; pixels -= 2) {
        QFont f = m_entry->font();
        f.setPixelSize(pixels);
        const QRect needed =
            QFontMetrics(f).boundingRect(QRect(0, 0, room.width() - 8, 1 << 20), Qt::TextWordWrap, m_entry->text());
        if (needed.height() <= room.height() - 8) {
            break;
        }
    }
    setPixelSize(m_entry, pixels);
}

void ReviewModeWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyScale();
    fitEntryText();
}

void ReviewModeWindow::keyPressEvent(QKeyEvent *event)
{
    const bool editing = m_keyMomentBar->isVisible() || m_actionItemBar->isVisible();
    if (event->matches(QKeySequence::Undo)) {
        m_workspace.undoStack()->undo();
        return;
    }
    if (event->matches(QKeySequence::Redo)) {
        m_workspace.undoStack()->redo();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Escape:
        if (editing) {
            closeEditors();
        } else {
            close();
        }
        return;
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        m_session->next();
        return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        m_session->previous();
        return;
    case Qt::Key_Home:
        m_session->first();
        return;
    case Qt::Key_End:
        m_session->last();
        return;
    case Qt::Key_K:
        openKeyMomentEditor();
        return;
    case Qt::Key_A:
        openActionItemEditor();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void ReviewModeWindow::openKeyMomentEditor()
{
    closeEditors();
    const ReviewMoment moment = m_session->current();
    m_keyMomentPrompt->setText(moment.isValid() ? tr("New key moment at %1:").arg(TimeDisplay::clock(
                                                      moment.entry.occurredAt, AppSettings().displayTimeZone()))
                                                : tr("New key moment, now:"));
    m_keyMomentBar->show();
    m_keyMomentEdit->setFocus();
}

void ReviewModeWindow::openActionItemEditor()
{
    closeEditors();
    m_actionOwner->clear();
    m_actionOwner->addItem(tr("Owner: nobody yet"), qint64(0));
    if (const auto people = m_workspace.store()->people()) {
        for (const Person &p : people.value()) {
            m_actionOwner->addItem(p.name, p.id);
        }
    } else {
        showFeedback(people.error(), true);
    }
    m_actionItemBar->show();
    m_actionTitleEdit->setFocus();
}

void ReviewModeWindow::closeEditors()
{
    m_keyMomentEdit->clear();
    m_actionTitleEdit->clear();
    m_keyMomentBar->hide();
    m_actionItemBar->hide();
    setFocus();
}

void ReviewModeWindow::addKeyMoment()
{
    const auto added = m_session->addKeyMoment(m_workspace, m_keyMomentEdit->text(), AppSettings().displayTimeZone());
    if (!added) {
        showFeedback(added.error(), true); // the editor stays open with the text, to fix it
        return;
    }
    closeEditors();
    showFeedback(tr("Key moment added. Ctrl+Z undoes it."));
}

void ReviewModeWindow::addActionItem()
{
    const QString title = m_actionTitleEdit->text().trimmed();
    const qint64 owner = m_actionOwner->currentData().toLongLong();
    const auto added = m_session->addActionItem(m_workspace, title, owner);
    if (!added) {
        showFeedback(added.error(), true);
        return;
    }
    const QString who = owner != 0 ? m_actionOwner->currentText() : tr("nobody yet");
    closeEditors();
    showFeedback(tr("Action item added: %1 (owner: %2). Ctrl+Z undoes it.").arg(title, who));
}

void ReviewModeWindow::showFeedback(const QString &text, bool problem)
{
    m_feedback->setStyleSheet(problem ? ConsolePalette::textStyle(ConsolePalette::alarm()) : u"color: %1;"_s.arg(kMuted));
    m_feedback->setText(text);
}
