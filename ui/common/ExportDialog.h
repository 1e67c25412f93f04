#pragma once

#include "ExportFormat.h"

#include <QDialog>
#include <QTimeZone>

class ExportJob;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

// File ▸ Export…: the current incident or the whole file, in any format, times in a chosen zone. The export runs in
// the background with progress; Cancel stops it and leaves any old file at the destination as it was. Once written,
// the dialog stays to say where the file went and offers to open it or its folder.
class ExportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        QString databasePath;
        qint64 incidentId = 0; // 0: no current incident, whole file only
        QString incidentLabel; // "INC-5 Login failures"
        QList<std::pair<QString, QTimeZone>> zones; // offered time zones, UTC first
        QString folder; // where the last export went; empty: the documents folder
    };

    ExportDialog(Context context, QWidget *parent = nullptr);
    void setFormat(ExportFormat format);
    void setScopeIncident(bool incidentOnly);
    void setDestination(const QString &path);
    QString destination() const;

signals:
    void exported(const QString &path);

public slots:
    void startExport();
    void reject() override; // while exporting: stops, then closes once the export has let go of the file

private:
    void chooseDestination();
    void updateSuggestedName();
    void setRunning(bool running);
    void showWritten(const QString &path);

    Context m_context;
    QRadioButton *m_incidentScope;
    QRadioButton *m_fileScope;
    QComboBox *m_format;
    QComboBox *m_zone;
    QLineEdit *m_destination;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_openFile;
    QPushButton *m_openFolder;
    QString m_written; // the file the last export wrote
    ExportJob *m_job = nullptr;
    bool m_destinationEdited = false;
    bool m_closeWhenStopped = false;
};
