// No dead ends on a kiosk browser without a Back button: a skipped statement opened from the review
// leads back to the review, the send button is not pushed below a long list, and the factor cards
// opened from the thank-you screen lead back to it and its "Ferdig".
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveAnswer, startDraft } from '../../../src/app/offline';
import { DEFAULT_QUESTIONNAIRE } from '../../../src/shared/questionnaire/default-v1';
import { roundFixture } from '../support/fixtures';
import { resetOfflineDb } from '../support/offline';
import { renderApp } from '../support/render';

beforeEach(resetOfflineDb);

const statements = [...DEFAULT_QUESTIONNAIRE.statements].sort((a, b) => a.order - b.order);

describe('ways back', () => {
  it('goes from a skipped statement opened in the review back to the review', async () => {
    await startDraft(roundFixture().round, 'nb');
    // Everything answered except statements 3 and 20.
    for (const [i, s] of statements.entries()) if (i !== 2 && i !== 19) await saveAnswer(s.id, 4);
    const { user } = await renderApp({ path: '/oversikt' });
    await screen.findByText('Du har svart på 34 av 36 påstander.');

    await user.click(screen.getByRole('link', { name: /^Svar på påstand 3:/ }));
    await screen.findByRole('heading', { name: statements[2]!.text.nb });
    // By keyboard: choosing does not move on; the button says where it goes.
    await user.click(screen.getByRole('button', { name: 'Tilbake til oversikten' }));
    await screen.findByText('Du har svart på 34 av 36 påstander.');

    // By touch: the choice moves on, back to the review rather than to statement 21.
    await user.click(screen.getByRole('link', { name: /^Svar på påstand 20:/ }));
    await screen.findByRole('heading', { name: statements[19]!.text.nb });
    await user.click(screen.getByRole('radio', { name: 'Delvis enig' }));
    expect(await screen.findByText('Du har svart på 35 av 36 påstander.')).toBeInTheDocument();
  });

  it('puts "Send svaret" before the list of skipped statements', async () => {
    await startDraft(roundFixture().round, 'nb');
    await renderApp({ path: '/oversikt' });
    const send = await screen.findByRole('button', { name: 'Send svaret' });
    const list = screen.getByRole('heading', { name: 'Påstander uten svar' });
    expect(send.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('leads from a factor card opened after answering back to the thank-you screen and "Ferdig"', async () => {
    await startDraft(roundFixture().round, 'nb');
    for (const s of statements) await saveAnswer(s.id, 3);
    const { user } = await renderApp({ path: '/oversikt' });
    await user.click(await screen.findByRole('button', { name: 'Send svaret' }));
    await screen.findByRole('heading', { level: 1, name: 'Takk for svaret!' });

    await user.click(await screen.findByRole('link', { name: 'Autonomi' }));
    await screen.findByRole('heading', { level: 1, name: 'Autonomi' });
    await user.click(screen.getByRole('link', { name: '← Tilbake til svaret ditt og «Ferdig»' }));
    expect(await screen.findByRole('button', { name: 'Ferdig' })).toBeInTheDocument();
  });

  it('shows no way back to a thank-you screen when nobody has just answered', async () => {
    await renderApp({ path: '/faktorer/autonomi' });
    await screen.findByRole('heading', { level: 1, name: 'Autonomi' });
    expect(screen.queryByRole('link', { name: /Tilbake til svaret ditt/ })).not.toBeInTheDocument();
  });
});
