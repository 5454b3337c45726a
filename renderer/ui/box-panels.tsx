import { createContext, useContext, type ComponentType } from 'react';

type BoxPanel = ComponentType<{ boxId: number }>;

/**
 * What other features show on a box's page (its hold tag, its loans, its custody history). The app
 * shell fills this in, so the catalogue shows them without importing the features that own them.
 */
export interface BoxPanels {
  /** Beside the status tag in the header. */
  tags: BoxPanel[];
  /** Among the header's buttons, where the eye is: the box's frequent actions (冻结). */
  actions: BoxPanel[];
  /** In the side column, under the move history. */
  side: BoxPanel[];
}

const BoxPanelsContext = createContext<BoxPanels>({ tags: [], actions: [], side: [] });

export const BoxPanelsProvider = BoxPanelsContext.Provider;
export const useBoxPanels = (): BoxPanels => useContext(BoxPanelsContext);
