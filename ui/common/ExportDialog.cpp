#include "ExportDialog.h"

#include "ExportJob.h"
#include "Incident.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

ExportDialog::ExportDialog(Context context, QWidget *parent) : QDialog(parent), m_context(std::move(context))
{
    setWindowTitle(tr("Export"));
    m_incidentScope = new QRadioButton(m_context.incidentId ? tr("This incident: %1").arg(m_context.incidentLabel)
                                                            : tr("This incident (none selected)"), this);
    m_incidentScope->setObjectName(QStringLiteral("exportIncidentScope"));
    m_incidentScope->setEnabled(m_context.incidentId != 0);
    m_fileScope = new QRadioButton(tr("The whole file: every incident"), this);
    m_fileScope->setObjectName(QStringLiteral("exportFileScope"));
    (m_context.incidentId ? m_incidentScope : m_fileScope)->setChecked(true);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (ExportFormat f : ExportFormats::all()) {
        m_format->addItem(ExportFormats::title(f), int(f));
    }
    m_format->setCurrentIndex(m_format->findData(int(ExportFormat::Markdown)));

    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("exportZone"));
    for (const auto &[label, zone] : std::as_const(m_context.zones)) {
        m_zone->addItem(label, QString::fromUtf8(zone.id()));
    }

    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(browse);

    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *exportButton = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    exportButton->setObjectName(QStringLiteral("exportStart"));
    exportButton->setDefault(true);
    m_openFile = m_buttons->addButton(tr("Open File"), QDialogButtonBox::ActionRole);
    m_openFile->setObjectName(QStringLiteral("exportOpenFile"));
    m_openFolder = m_buttons->addButton(tr("Open Folder"), QDialogButtonBox::ActionRole);
    m_openFolder->setObjectName(QStringLiteral("exportOpenFolder"));
    m_openFile->hide();
    m_openFolder->hide();

    auto *form = new QFormLayout;
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_incidentScope);
    scope->addWidget(m_fileScope);
    form->addRow(tr("What:"), scope);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Times in:"), m_zone);
    form->addRow(tr("Save to:"), destinationRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseDestination);
    connect(m_openFile, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_written)); });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_written).absolutePath())); });
    connect(m_destination, &QLineEdit::textEdited, this, [this] { m_destinationEdited = true; });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateSuggestedName);
    connect(m_incidentScope, &QRadioButton::toggled, this, &ExportDialog::updateSuggestedName);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_job && m_job->isRunning()) {
            m_job->cancel(); // finished() reports the stop; the dialog stays to say so
            return;
        }
        QDialog::reject();
    });
    updateSuggestedName();
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setScopeIncident(bool incidentOnly)
{
    (incidentOnly && m_context.incidentId ? m_incidentScope : m_fileScope)->setChecked(true);
}

void ExportDialog::setDestination(const QString &path)
{
    m_destination->setText(path);
    m_destinationEdited = true;
}

QString ExportDialog::destination() const
{
    return m_destination->text().trimmed();
}

void ExportDialog::updateSuggestedName()
{
    const auto format = ExportFormat(m_format->currentData().toInt());
    const QString base = m_incidentScope->isChecked() ? Incident::referenceOf(m_context.incidentId)
                                                      : QFileInfo(m_context.databasePath).completeBaseName();
    const QString suffix = format == ExportFormat::CsvActionItems ? QStringLiteral("-action-items") : QString();
    if (m_destinationEdited && !destination().isEmpty()) {
        // Keep the folder and name the user chose; follow the format's extension.
        const QFileInfo chosen(destination());
        m_destination->setText(chosen.dir().filePath(chosen.completeBaseName() + QLatin1Char('.') + ExportFormats::suffix(format)));
        return;
    }
    // Where the last export went, so a second export lands beside the first; else the documents folder.
    QString folder = m_context.folder;
    if (folder.isEmpty() || !QDir(folder).exists()) {
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    }
    if (folder.isEmpty() || !QDir(folder).exists()) {
        folder = QDir::homePath();
    }
    m_destination->setText(QDir(folder).filePath(base + suffix + QLatin1Char('.') + ExportFormats::suffix(format)));
}

void ExportDialog::chooseDestination()
{
    const auto format = ExportFormat(m_format->currentData().toInt());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), destination(),
                                                      tr("%1 (*.%2)").arg(ExportFormats::title(format), ExportFormats::suffix(format)));
    if (!path.isEmpty()) {
        setDestination(path);
    }
}

void ExportDialog::setRunning(bool running)
{
    m_incidentScope->setEnabled(!running && m_context.incidentId != 0);
    m_fileScope->setEnabled(!running);
    m_format->setEnabled(!running);
    m_zone->setEnabled(!running);
    m_destination->setEnabled(!running);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(running ? tr("Stop") : tr("Close"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) {
            b->setEnabled(!running);
        }
    }
    m_progress->setVisible(running);
    if (running) {
        m_openFile->hide();
        m_openFolder->hide();
    }
}

void ExportDialog::startExport()
{
    const QString path = destination();
    if (path.isEmpty()) {
        m_status->setText(tr("Choose where to save the export."));
        return;
    }
    ExportRequest request;
    request.format = ExportFormat(m_format->currentData().toInt());
    if (m_incidentScope->isChecked()) {
        request.incidentId = m_context.incidentId;
    }
    request.zone = QTimeZone(m_zone->currentData().toString().toUtf8());
    delete m_job;
    m_job = new ExportJob(m_context.databasePath, request, path, this);
    m_progress->setRange(0, 0);
    m_status->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    connect(m_job, &ExportJob::progressed, this, [this](qint64 done, qint64 total) {
        if (total <= 0) {
            return; // rows without a known total (JSON): the bar stays busy
        }
        // Scaled to per mille: QProgressBar's range is an int and a file can hold more entries.
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_job, &ExportJob::finished, this, [this, path](bool ok, const QString &error) {
        setRunning(false);
        if (m_closeWhenStopped) {
            QDialog::reject();
            return;
        }
        if (ok) {
            showWritten(path);
            emit exported(path);
            return;
        }
        m_status->setText(tr("Not exported: %1").arg(error));
    });
    setRunning(true);
    m_job->start();
}

void ExportDialog::showWritten(const QString &path)
{
    m_written = QFileInfo(path).absoluteFilePath();
    const QFileInfo written(m_written);
    m_status->setText(tr("Saved %1 (%2) in %3")
                          .arg(written.fileName(), QLocale().formattedDataSize(written.size()),
                               QDir::toNativeSeparators(written.absolutePath())));
    m_openFile->show();
    m_openFolder->show();
    m_openFile->setFocus();
}

void ExportDialog::reject()
{
    // Esc or the window's close button while exporting: stop first; closing now would wait on the worker.
    if (m_job && m_job->isRunning()) {
        m_closeWhenStopped = true;
        m_job->cancel();
        return;
    }
    QDialog::reject();
}
