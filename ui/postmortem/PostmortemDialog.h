#pragma once

#include "Postmortem.h"

#include <QDialog>
#include <QTimeZone>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QTimer;
class Workspace;

// Writing the postmortem: the sections only the review can write (root cause, what went well and badly), beside a
// live preview of the whole document as the postmortem template fills it from the incident. Saving is one undoable
// edit; closing saves what was typed, so nothing is lost.
class PostmortemDialog final : public QDialog
{
    Q_OBJECT

public:
    PostmortemDialog(Workspace *workspace, qint64 incidentId, const QTimeZone &zone, QWidget *parent = nullptr);
    qint64 incidentId() const { return m_incidentId; }
    QString previewMarkdown() const { return m_previewMarkdown; }

public slots:
    bool save();
    void markDistributed();

signals:
    void exportRequested(qint64 incidentId);

protected:
    void done(int result) override;

private:
    Postmortem edited() const;
    void load();
    void updatePreview();
    void updateDue();

    Workspace *m_workspace;
    qint64 m_incidentId;
    QTimeZone m_zone;
    Postmortem m_saved;
    QLabel *m_due;
    QPlainTextEdit *m_rootCause;
    QPlainTextEdit *m_wentWell;
    QPlainTextEdit *m_wentBadly;
    QTextBrowser *m_preview;
    QTimer *m_previewTimer;
    QString m_previewMarkdown;
    bool m_fileReplaced = false;
};
