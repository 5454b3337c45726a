import { createContext, useContext, type ComponentType } from 'react';

type BoxPanel = ComponentType<{ boxId: number }>;
/** Panels by a name of their own (their React key), shown in this order. */
type Slot = Record<string, BoxPanel>;

/**
 * What other features show on a box's page (its hold tag, its loans, its custody history). The app
 * shell fills this in, so the catalogue shows them without importing the features that own them.
 */
export interface BoxPanels {
  /** Beside the status tag in the header. */
  tags: Slot;
  /** Among the header's buttons, where the eye is: the box's frequent actions (冻结). */
  actions: Slot;
  /** In the side column, under the move history. */
  side: Slot;
}

const BoxPanelsContext = createContext<BoxPanels>({ tags: {}, actions: {}, side: {} });

export const BoxPanelsProvider = BoxPanelsContext.Provider;
export const useBoxPanels = (): BoxPanels => useContext(BoxPanelsContext);
