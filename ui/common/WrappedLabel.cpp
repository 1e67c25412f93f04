#include "WrappedLabel.h"

#include <QResizeEvent>

WrappedLabel::WrappedLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
}

QSize WrappedLabel::minimumSizeHint() const
{
    QSize hint = QLabel::minimumSizeHint();
    if (width() > 0) {
        hint.setHeight(std::max(hint.height(), heightForWidth(width())));
    }
    return hint;
}

void WrappedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    // A new width wraps the words anew: the layout hears the height they now need.
    if (const int needed = heightForWidth(event->size().width()); needed != m_neededHeight) {
        m_neededHeight = needed;
        updateGeometry();
    }
}
