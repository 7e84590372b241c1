// MIME types the editor puts on drags and on the clipboard.
#pragma once

// A palette drag: the data is the layer kind in UTF-8 ("Dense").
inline constexpr char kLayerKindMimeType[] = "application/x-layerlab-layer-kind";
// Copied layers: a graph fragment in the project file's JSON form (graphfragment.h).
inline constexpr char kGraphFragmentMimeType[] = "application/x-layerlab-graph";
