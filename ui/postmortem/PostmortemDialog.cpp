#include "PostmortemDialog.h"

#include "ConsolePalette.h"

#include "Clock.h"
#include "IncidentStore.h"
#include "PostmortemDocument.h"
#include "TemplateEngine.h"
#include "Workspace.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

PostmortemDialog::PostmortemDialog(Workspace *workspace, qint64 incidentId, const QTimeZone &zone, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_incidentId(incidentId), m_zone(zone)
{
    const auto incident = workspace->store()->incident(incidentId);
    setWindowTitle(tr("Postmortem: INC-%1 %2").arg(incidentId).arg(incident ? incident->title : QString()));
    setAttribute(Qt::WA_DeleteOnClose);

    m_due = new QLabel(this);
    m_due->setObjectName(QStringLiteral("postmortemDue"));
    m_due->setTextFormat(Qt::PlainText);
    auto section = [this](const QString &objectName, const QString &placeholder) {
        auto *edit = new QPlainTextEdit(this);
        edit->setObjectName(objectName);
        edit->setPlaceholderText(placeholder);
        edit->setTabChangesFocus(true);
        return edit;
    };
    m_rootCause = section(QStringLiteral("postmortemRootCause"),
                          tr("What caused it, and why it was not caught sooner. Markdown works: - lists, **bold**."));
    m_wentWell = section(QStringLiteral("postmortemWentWell"), tr("What helped: detection, hand-offs, tools, people."));
    m_wentBadly = section(QStringLiteral("postmortemWentBadly"), tr("What slowed the response or made it worse."));
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("postmortemPreview"));
    m_preview->setOpenLinks(false);

    auto *editors = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editors);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    for (const auto &[title, edit] : {std::pair{tr("Root cause"), m_rootCause}, std::pair{tr("What went well"), m_wentWell},
                                      std::pair{tr("What went badly"), m_wentBadly}}) {
        auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), editors);
        label->setBuddy(edit);
        editorLayout->addWidget(label);
        editorLayout->addWidget(edit, 1);
    }
    auto *hint = new QLabel(tr("Summary, impact, severity history, roles, key moments and action items come from the "
                               "incident; edit them there."),
                            editors);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    editorLayout->addWidget(hint);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(editors);
    splitter->addWidget(m_preview);
    splitter->setSizes({460, 620});

    auto *buttons = new QDialogButtonBox(this);
    auto *saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    saveButton->setObjectName(QStringLiteral("postmortemSave"));
    saveButton->setShortcut(QKeySequence::Save);
    auto *distributed = buttons->addButton(tr("Mark &Distributed"), QDialogButtonBox::ActionRole);
    distributed->setObjectName(QStringLiteral("postmortemDistributed"));
    distributed->setToolTip(tr("Record that the postmortem was sent out now: the 48-hour clock stops."));
    auto *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_due);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 760);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &PostmortemDialog::updatePreview);
    for (QPlainTextEdit *edit : {m_rootCause, m_wentWell, m_wentBadly}) {
        connect(edit, &QPlainTextEdit::textChanged, m_previewTimer, qOverload<>(&QTimer::start));
    }
    connect(saveButton, &QPushButton::clicked, this, &PostmortemDialog::save);
    connect(distributed, &QPushButton::clicked, this, &PostmortemDialog::markDistributed);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        save();
        emit exportRequested(m_incidentId);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    IncidentStore *store = workspace->store();
    connect(store, &IncidentStore::postmortemChanged, this, [this](qint64 id) {
        if (id == m_incidentId && edited() == m_saved) { // an undo or redo, with nothing typed over it
            load();
        } else if (id == m_incidentId) {
            updateDue();
        }
    });
    for (auto signal : {&IncidentStore::incidentChanged, &IncidentStore::actionItemsChanged, &IncidentStore::assignmentsChanged,
                        &IncidentStore::severityHistoryChanged}) {
        connect(store, signal, this, [this](qint64 id) {
            if (id == m_incidentId) {
                updateDue();
                m_previewTimer->start();
            }
        });
    }
    connect(store, &IncidentStore::storeReset, this, [this] {
        m_fileReplaced = true; // never save these sections into the file that replaced their own
        reject();
    });
    load();
}

void PostmortemDialog::load()
{
    const auto saved = m_workspace->store()->postmortem(m_incidentId);
    m_saved = saved ? saved.value() : Postmortem{m_incidentId, {}, {}, {}, {}, {}};
    const QSignalBlocker a(m_rootCause), b(m_wentWell), c(m_wentBadly);
    m_rootCause->setPlainText(m_saved.rootCause);
    m_wentWell->setPlainText(m_saved.wentWell);
    m_wentBadly->setPlainText(m_saved.wentBadly);
    updateDue();
    updatePreview();
}

Postmortem PostmortemDialog::edited() const
{
    Postmortem p = m_saved;
    p.rootCause = m_rootCause->toPlainText();
    p.wentWell = m_wentWell->toPlainText();
    p.wentBadly = m_wentBadly->toPlainText();
    return p;
}

void PostmortemDialog::updateDue()
{
    const auto incident = m_workspace->store()->incident(m_incidentId);
    if (!incident) {
        return;
    }
    const auto state = PostmortemDocument::dueState(incident->postmortemDueAt, m_saved, Clock::nowUtc(), m_zone);
    m_due->setText(state.text.isEmpty() ? tr("Due 48 hours after the incident is resolved.") : state.text);
    m_due->setStyleSheet(state.overdue ? ConsolePalette::textStyle(ConsolePalette::alarm(), true) : QString());
    findChild<QPushButton *>(QStringLiteral("postmortemDistributed"))->setEnabled(!m_saved.publishedAt.isValid());
}

void PostmortemDialog::updatePreview()
{
    const Postmortem unsaved = edited();
    const auto text = PostmortemDocument::markdown(*m_workspace->store(), m_incidentId, Clock::nowUtc(), m_zone, 0, &unsaved);
    m_previewMarkdown = text ? text.value() : text.error();
    const int scroll = m_preview->verticalScrollBar()->value();
    if (text) {
        m_preview->document()->setMarkdown(m_previewMarkdown, TemplateEngine::userMarkdown());
    } else {
        m_preview->setPlainText(tr("The postmortem cannot be shown: %1").arg(text.error()));
    }
    m_preview->verticalScrollBar()->setValue(scroll);
}

bool PostmortemDialog::save()
{
    const Postmortem p = edited();
    if (p == m_saved) {
        return true;
    }
    if (const Status s = m_workspace->savePostmortem(p); !s) {
        QMessageBox::warning(this, tr("The postmortem was not saved"), s.error());
        return false;
    }
    m_saved = p;
    updateDue();
    return true;
}

void PostmortemDialog::markDistributed()
{
    Postmortem p = edited();
    p.publishedAt = Clock::nowUtc();
    if (const Status s = m_workspace->savePostmortem(p); !s) {
        QMessageBox::warning(this, tr("The postmortem was not saved"), s.error());
        return;
    }
    m_saved = p;
    updateDue();
    updatePreview();
}

void PostmortemDialog::done(int result)
{
    // Closing keeps what was typed (one undoable step), as a draft would be kept.
    if (!m_fileReplaced && m_workspace->store()->isOpen() && !save()) {
        return; // the warning said why; the text stays here rather than being lost
    }
    QDialog::done(result);
}
