// makegan: "Make this a GAN": one undo step that replaces the network with a small generator and
// discriminator for the current data and adds the "gan" section with its defaults.
#pragma once

class GraphDocument;

namespace makegan {

// Pushes the step (a macro of remove, paste and settings commands, so undo gives back the file
// byte for byte). Does nothing for a project that is a GAN already.
void push(GraphDocument *document);

} // namespace makegan
