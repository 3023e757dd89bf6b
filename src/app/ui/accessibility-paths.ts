// The public accessibility statement's address (features/accessibility/): here in the kit because
// the frame of every screen (Layout.tsx) links to it and may not import a feature.
export const ACCESSIBILITY_PATH = '/tilgjengelighet';
