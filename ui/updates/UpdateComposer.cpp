#include "UpdateComposer.h"

#include "AppSettings.h"

#include "ConsolePalette.h"

#include "Clock.h"
#include "IncidentFactSheet.h"
#include "IncidentInsights.h"
#include "TemplateEngine.h"
#include "TimeDisplay.h"
#include "UpdateChecks.h"
#include "Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QScreen>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

UpdateComposer::UpdateComposer(Workspace *workspace, qint64 incidentId, StatusUpdate::Audience audience,
                               const QTimeZone &zone, QWidget *parent)
    : QWidget(parent, Qt::Window), m_workspace(workspace), m_incidentId(incidentId), m_audience(audience), m_zone(zone)
{
    const bool customer = audience == StatusUpdate::Audience::Customer;
    setObjectName(customer ? QStringLiteral("customerComposer") : QStringLiteral("internalComposer"));
    setAttribute(Qt::WA_DeleteOnClose);
    const auto incident = m_workspace->store()->incident(incidentId);
    setWindowTitle(tr("%1 update — %2")
                       .arg(customer ? tr("Customer") : tr("Internal"),
                            incident ? incident->reference() + QStringLiteral(" ") + incident->title : QString()));
    // Whole on the screen it opens on, laptop or wall: at most 90% of it, centred over the console.
    const QRect available = parent && parent->screen() ? parent->screen()->availableGeometry() : QRect(0, 0, 1366, 768);
    resize(std::min(1200, available.width() * 9 / 10), std::min(760, available.height() * 9 / 10));
    move(available.center() - rect().center());

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("composerTemplateCombo"));
    if (const auto templates = m_workspace->store()->templates()) {
        for (const MessageTemplate &t : templates.value()) {
            if (t.audience == StatusUpdate::audienceKey(audience)) {
                m_template->addItem(t.name, t.id);
            }
        }
    }
    auto *fill = new QPushButton(tr("Fill from Template"), this);
    fill->setObjectName(QStringLiteral("composerFillButton"));
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("composerCountdown"));
    m_countdown->setTextFormat(Qt::PlainText);
    top->addWidget(new QLabel(tr("Template:"), this));
    top->addWidget(m_template);
    top->addWidget(fill);
    top->addStretch();
    top->addWidget(m_countdown);
    layout->addLayout(top);

    auto *facts = new QFormLayout;
    m_impact = new QLineEdit(incident ? incident->impact : QString(), this);
    m_impact->setObjectName(QStringLiteral("composerImpactEdit"));
    m_impact->setPlaceholderText(tr("Who is affected and how, in words a player would use"));
    m_eta = new QLineEdit(incident ? incident->eta : QString(), this);
    m_eta->setObjectName(QStringLiteral("composerEtaEdit"));
    m_eta->setPlaceholderText(tr("When a fix is expected, or \"not known yet\""));
    facts->addRow(tr("Impact:"), m_impact);
    facts->addRow(tr("ETA:"), m_eta);
    layout->addLayout(facts);

    auto *split = new QSplitter(this);
    m_draft = new QPlainTextEdit(this);
    m_draft->setObjectName(QStringLiteral("composerDraft"));
    m_draft->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_draft->setPlaceholderText(tr("Write the update in Markdown, or fill it from a template."));
    m_preview = new QTextBrowser(this);
    m_preview->setObjectName(QStringLiteral("composerPreview"));
    m_preview->setOpenExternalLinks(false);
    split->addWidget(m_draft);
    split->addWidget(m_preview);
    split->setSizes({600, 600});
    layout->addWidget(split, 1);

    m_findings = new QLabel(this);
    m_findings->setObjectName(QStringLiteral("composerFindings"));
    m_findings->setWordWrap(true);
    m_findings->setTextFormat(Qt::PlainText);
    m_findings->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::caution(), true));
    m_findings->hide();
    layout->addWidget(m_findings);
    m_override = new QCheckBox(tr("I have checked these; customers may see them"), this);
    m_override->setObjectName(QStringLiteral("composerOverride"));
    m_override->hide();
    layout->addWidget(m_override);
    m_problem = new QLabel(this);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm()));
    m_problem->hide();
    layout->addWidget(m_problem);

    auto *buttons = new QHBoxLayout;
    auto *copyMd = new QPushButton(tr("Copy Markdown"), this);
    auto *copyText = new QPushButton(tr("Copy Plain Text"), this);
    auto *copyHtml = new QPushButton(tr("Copy HTML"), this);
    m_publish = new QPushButton(tr("Publish…"), this);
    m_publish->setObjectName(QStringLiteral("composerPublishButton"));
    buttons->addWidget(copyMd);
    buttons->addWidget(copyText);
    buttons->addWidget(copyHtml);
    buttons->addStretch();
    buttons->addWidget(m_publish);
    layout->addLayout(buttons);

    // Saved at most half a second after any change, so a crash loses nothing typed more than a second before.
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(500);
    connect(m_autosave, &QTimer::timeout, this, &UpdateComposer::saveDraftNow);
    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(120);
    connect(m_previewDelay, &QTimer::timeout, this, [this] {
        refreshPreview();
        refreshChecks();
    });
    connect(m_draft, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading) {
            return;
        }
        if (!m_autosave->isActive()) {
            m_autosave->start(); // not restarted by further typing: the save is never put off
        }
        m_previewDelay->start();
    });
    connect(fill, &QPushButton::clicked, this, &UpdateComposer::fillFromTemplate);
    connect(copyMd, &QPushButton::clicked, this, [this] { copyAs(QStringLiteral("markdown")); });
    connect(copyText, &QPushButton::clicked, this, [this] { copyAs(QStringLiteral("plain")); });
    connect(copyHtml, &QPushButton::clicked, this, [this] { copyAs(QStringLiteral("html")); });
    connect(m_publish, &QPushButton::clicked, this, [this] { publish(true); });
    auto saveFacts = [this] {
        if (const Status s = m_workspace->setImpactAndEta(m_incidentId, m_impact->text(), m_eta->text()); !s) {
            showProblem(s.error());
        }
    };
    connect(m_impact, &QLineEdit::editingFinished, this, saveFacts);
    connect(m_eta, &QLineEdit::editingFinished, this, saveFacts);
    auto *tick = new QTimer(this);
    tick->setInterval(std::chrono::seconds(15));
    connect(tick, &QTimer::timeout, this, &UpdateComposer::refreshCountdown);
    tick->start();
    connect(m_workspace->store(), &IncidentStore::statusUpdatesChanged, this, &UpdateComposer::refreshCountdown);
    // The incident or the whole file went away: nothing more is saved (it would land in what replaced them).
    connect(m_workspace->store(), &IncidentStore::incidentRemoved, this, [this](qint64 id) {
        if (id == m_incidentId) {
            m_autosave->stop();
            close();
        }
    });
    connect(m_workspace->store(), &IncidentStore::storeReset, this, [this] {
        m_autosave->stop();
        close();
    });

    // Pick up where the last draft stopped; with none, start from the audience's template, filled in.
    if (const auto saved = m_workspace->store()->draft(incidentId, audience); saved && !saved->isEmpty()) {
        setDraft(saved.value());
    } else if (m_template->count() > 0 && !m_workspace->store()->isReadOnly()) {
        fillFromTemplate();
    }
    // Esc or Ctrl+W puts it away: the draft is saved as it closes.
    QList<QKeySequence> closeKeys = QKeySequence::keyBindings(QKeySequence::Close);
    // One shortcut per key: two would be ambiguous and neither would fire.
    for (const QKeySequence &extra : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
        if (!closeKeys.contains(extra)) {
            closeKeys.append(extra);
        }
    }
    for (const QKeySequence &keys : std::as_const(closeKeys)) {
        auto *closeKey = new QShortcut(keys, this, nullptr, nullptr, Qt::WindowShortcut);
        connect(closeKey, &QShortcut::activated, this, &QWidget::close);
    }
    refreshCountdown();
    m_publish->setEnabled(!m_workspace->store()->isReadOnly());
}

UpdateComposer::~UpdateComposer()
{
    if (m_autosave->isActive() && m_workspace) {
        saveDraftNow();
    }
}

QString UpdateComposer::draft() const
{
    return m_draft->toPlainText();
}

void UpdateComposer::setDraft(const QString &text)
{
    m_loading = true;
    m_draft->setPlainText(text);
    m_loading = false;
    refreshPreview();
    refreshChecks();
}

void UpdateComposer::saveDraftNow()
{
    m_autosave->stop();
    if (m_workspace->store()->isReadOnly() || !m_workspace->store()->isOpen()) {
        return;
    }
    if (const Status s = m_workspace->store()->saveDraft(m_incidentId, m_audience, draft(), Clock::nowUtc()); !s) {
        showProblem(tr("The draft could not be saved: %1").arg(s.error()));
    }
}

void UpdateComposer::fillFromTemplate()
{
    const qint64 templateId = m_template->currentData().toLongLong();
    const auto templates = m_workspace->store()->templates();
    if (!templates) {
        showProblem(templates.error());
        return;
    }
    const auto chosen = std::find_if(templates->begin(), templates->end(),
                                     [&](const MessageTemplate &t) { return t.id == templateId; });
    if (chosen == templates->end()) {
        showProblem(tr("Choose a template first."));
        return;
    }
    if (!draft().trimmed().isEmpty()
        && QMessageBox::question(this, tr("Replace the draft?"),
                                 tr("Filling from the template replaces what is in the draft now.")) != QMessageBox::Yes) {
        return;
    }
    const auto data = IncidentFactSheet::build(*m_workspace->store(), m_incidentId, Clock::nowUtc(), m_zone,
                                               TemplateEngine::usedNames(chosen->body), m_audience);
    if (!data) {
        showProblem(data.error());
        return;
    }
    const auto text = TemplateEngine::render(chosen->body, data.value());
    if (!text) {
        showProblem(tr("The template \"%1\" has a problem: %2").arg(chosen->name, text.error()));
        return;
    }
    m_draft->setPlainText(text.value()); // a change like typing: saved and previewed
    m_problem->hide();
}

void UpdateComposer::refreshPreview()
{
    m_preview->setMarkdown(TemplateEngine::previewMarkdown(draft()));
}

void UpdateComposer::refreshChecks()
{
    if (m_audience != StatusUpdate::Audience::Customer) {
        return;
    }
    UpdateChecks::Context context;
    if (const auto people = m_workspace->store()->people()) {
        for (const Person &p : people.value()) {
            context.people << p.name << p.handle;
        }
    }
    if (const auto facts = m_workspace->store()->incidentFacts({m_incidentId})) {
        for (const Alert::Pairs &labels : facts->value(m_incidentId).firingAlertLabels) {
            for (const auto &[name, value] : labels) {
                (name == u"alertname" ? context.alertNames : context.labelValues) << value;
            }
        }
    }
    context.publicDomains = AppSettings().publicDomains();
    const auto findings = UpdateChecks::customerFindings(draft(), context);
    QList<QTextEdit::ExtraSelection> marks;
    QStringList words;
    for (const auto &f : findings) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_draft->document());
        mark.cursor.setPosition(int(f.start));
        mark.cursor.setPosition(int(f.start + f.length), QTextCursor::KeepAnchor);
        mark.format.setBackground(ConsolePalette::searchMark());
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(ConsolePalette::alarm());
        marks.append(mark);
        words.append(QStringLiteral("%1 (%2)").arg(f.text, f.what));
    }
    m_draft->setExtraSelections(marks);
    m_findings->setVisible(!findings.isEmpty());
    m_override->setVisible(!findings.isEmpty());
    if (findings.isEmpty()) {
        m_override->setChecked(false);
        if (m_problemIsAboutFindings) {
            m_problem->hide(); // the draft was cleaned: the warning goes with what it warned about
        }
    }
    m_findings->setText(findings.size() == 1
                            ? tr("1 thing customers should not see: %1").arg(words.join(QStringLiteral(", ")))
                            : tr("%1 things customers should not see: %2").arg(findings.size()).arg(words.join(QStringLiteral(", "))));
}

void UpdateComposer::refreshCountdown()
{
    const auto incident = m_workspace->store()->incident(m_incidentId);
    const auto facts = m_workspace->store()->incidentFacts({m_incidentId});
    if (!incident || !facts) {
        return;
    }
    const bool customer = m_audience == StatusUpdate::Audience::Customer;
    const QDateTime due = IncidentInsights::nextUpdateDue(incident.value(), facts->value(m_incidentId), m_audience);
    if (!due.isValid()) {
        m_countdown->setText(tr("No regular update due"));
        m_countdown->setStyleSheet(QString());
        return;
    }
    const qint64 left = Clock::nowUtc().secsTo(due);
    if (customer && incident->isResolved()) {
        m_countdown->setText(tr("Resolved: customers are owed a final update saying so"));
        m_countdown->setStyleSheet(ConsolePalette::textStyle(ConsolePalette::alarm(), true));
        return;
    }
    m_countdown->setText(left >= 0 ? tr("Next %1 update due in %2").arg(customer ? tr("customer") : tr("internal"),
                                                                         TimeDisplay::duration(left))
                                   : tr("%1 update OVERDUE by %2").arg(customer ? tr("Customer") : tr("Internal"),
                                                                        TimeDisplay::duration(-left)));
    m_countdown->setStyleSheet(left >= 0 ? QStringLiteral("font-weight: 600;")
                                         : QStringLiteral("color: white; background: %1; font-weight: 700; padding: 2px 6px;").arg(ConsolePalette::alarm().name()));
}

bool UpdateComposer::copyAs(const QString &format)
{
    refreshChecks();
    if (m_findings->isVisible() && !m_override->isChecked()) {
        showProblem(tr("Check the marked words first: take them out, or tick the box to copy them knowingly."));
        m_problemIsAboutFindings = true;
        return false;
    }
    m_problem->hide();
    auto *mime = new QMimeData;
    if (format == QStringLiteral("html")) {
        mime->setHtml(TemplateEngine::markdownToHtml(draft()));
        mime->setText(TemplateEngine::markdownToPlainText(draft()));
    } else if (format == QStringLiteral("plain")) {
        mime->setText(TemplateEngine::markdownToPlainText(draft()));
    } else {
        mime->setText(draft());
    }
    QApplication::clipboard()->setMimeData(mime);
    return true;
}

bool UpdateComposer::publish(bool confirm)
{
    if (draft().trimmed().isEmpty()) {
        showProblem(tr("There is nothing to publish."));
        return false;
    }
    refreshChecks();
    if (m_findings->isVisible() && !m_override->isChecked()) {
        showProblem(tr("Check the marked words first: take them out, or tick the box to publish them knowingly."));
        m_problemIsAboutFindings = true;
        return false;
    }
    if (confirm) {
        // Show what changed since the last update to the same audience.
        QString previous;
        if (const auto updates = m_workspace->store()->statusUpdates(m_incidentId)) {
            for (const StatusUpdate &u : updates.value()) {
                if (u.audience == m_audience) {
                    previous = u.body;
                }
            }
        }
        QDialog dialog(this);
        dialog.setObjectName(QStringLiteral("publishDialog"));
        dialog.setWindowTitle(tr("Publish this update?"));
        auto *layout = new QVBoxLayout(&dialog);
        auto *what = new QLabel(previous.isEmpty() ? tr("This is the first update to this audience.")
                                                   : tr("Changes since the previous update (- removed, + added):"),
                                &dialog);
        layout->addWidget(what);
        auto *diff = new QPlainTextEdit(&dialog);
        diff->setObjectName(QStringLiteral("publishDiff"));
        diff->setReadOnly(true);
        diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        diff->setPlainText(previous.isEmpty() ? draft() : UpdateChecks::lineDiff(previous, draft()).join(u'\n'));
        diff->setMinimumSize(720, 360);
        layout->addWidget(diff);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
        buttons->addButton(tr("Publish"), QDialogButtonBox::AcceptRole);
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted) {
            return false;
        }
    }
    m_autosave->stop();
    const auto id = m_workspace->publishUpdate(m_incidentId, m_audience, draft(), m_zone);
    if (!id) {
        showProblem(tr("Not published: %1").arg(id.error()));
        return false;
    }
    m_problem->hide();
    setDraft(QString());
    emit published();
    close(); // published is done: the console is where the IC goes back to
    return true;
}

void UpdateComposer::showProblem(const QString &text)
{
    m_problemIsAboutFindings = false;
    m_problem->setText(text);
    m_problem->show();
}
