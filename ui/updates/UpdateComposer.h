#pragma once

#include "StatusUpdate.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;
class Workspace;

// Writing one status update: a draft filled from a template, a live Markdown preview beside it, the customer check,
// copy as Markdown / plain text / HTML, and publishing after a look at what changed since the last one. The draft
// is saved to the file as it is typed. An internal and a customer composer can be open side by side.
class UpdateComposer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateComposer)

public:
    UpdateComposer(Workspace *workspace, qint64 incidentId, StatusUpdate::Audience audience, const QTimeZone &zone,
                   QWidget *parent = nullptr);
    ~UpdateComposer() override;

    qint64 incidentId() const { return m_incidentId; }
    StatusUpdate::Audience audience() const { return m_audience; }
    QString draft() const;
    void setDraft(const QString &text);
    void fillFromTemplate();
    // Copies the draft as "markdown", "plain" or "html"; a customer draft with unchecked findings is not copied.
    bool copyAs(const QString &format);
    // Publishes after the diff is confirmed (confirm=false: without asking, for scripts and tests).
    bool publish(bool confirm = true);

signals:
    void published();

private:
    void saveDraftNow();
    void refreshPreview();
    void refreshChecks();
    void refreshCountdown();
    void showProblem(const QString &text);

    QPointer<Workspace> m_workspace; // the window owns it; a composer never outlives it by design, but checks
    qint64 m_incidentId;
    StatusUpdate::Audience m_audience;
    QTimeZone m_zone;
    QComboBox *m_template;
    QLineEdit *m_impact;
    QLineEdit *m_eta;
    QPlainTextEdit *m_draft;
    QTextBrowser *m_preview;
    QLabel *m_countdown;
    QLabel *m_findings;
    QCheckBox *m_override;
    QLabel *m_problem;
    QPushButton *m_publish;
    QTimer *m_autosave;
    QTimer *m_previewDelay;
    bool m_loading = false;
    bool m_problemIsAboutFindings = false; // the red line is the leak warning: cleaning the draft clears it
};
