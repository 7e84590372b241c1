// How a run ended (nn::FinishReport::Reason), made known to Qt so it travels in queued signals.
#pragma once

#include "nn/trainer.h"

#include <QMetaType>

Q_DECLARE_METATYPE(nn::FinishReport::Reason)
