// Reads one factor's card from the lazily loaded `factors` namespace as plain data, so screens can
// list the numbered points and search all of a card's text without knowing its keys.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactorId } from '../../../shared/factors';

export interface FactorText {
  name: string;
  altName: string | undefined;
  short: string;
  explanation: string;
  mattersFor: string;
  lowCauses: string;
  leader: string[];
  colleague: string[];
  reflection: string[];
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null;
const text = (tree: Tree, key: string) => (typeof tree[key] === 'string' ? tree[key] : '');
/** Numbered keys "1", "2", … in number order (see locales/README.md). */
const list = (tree: Tree, key: string) => {
  const value = tree[key];
  if (!isTree(value)) return [];
  return Object.keys(value)
    .sort((a, b) => Number(a) - Number(b))
    .map((n) => value[n])
    .filter((item): item is string => typeof item === 'string' && item !== '');
};

export function useFactorText(): (id: FactorId) => FactorText {
  const { t } = useTranslation('factors');
  return useCallback(
    (id: FactorId) => {
      const card: unknown = t(`factor.${id}`, { returnObjects: true });
      const tree = isTree(card) ? card : {};
      return {
        name: text(tree, 'name') || id,
        altName: text(tree, 'altName') || undefined,
        short: text(tree, 'short'),
        explanation: text(tree, 'explanation'),
        mattersFor: text(tree, 'mattersFor'),
        lowCauses: text(tree, 'lowCauses'),
        leader: list(tree, 'leader'),
        colleague: list(tree, 'colleague'),
        reflection: list(tree, 'reflection'),
      };
    },
    [t],
  );
}
