// The search bar on the real training environment: a launch known only by its INSEE code shows the commune's name;
// postal codes and "12 rue X, Agen" are understood; `/` and Ctrl+K focus the specialty field with its text selected;
// after « Rechercher » the focus is on the first result; a manual search does not blame the LRM for a missing GP;
// no jargon on screen.
import { expect, test } from './fixtures';
import { expectNoSeriousViolation, openConsole, shot, VIEWPORTS, waitForResults } from './regulator-screen';

test.describe.configure({ timeout: 420_000 });

for (const viewport of VIEWPORTS) {
  test(`${viewport.width}×${viewport.height}: commune name, postal code, street, shortcuts, focus, plain words`, async ({
    page,
    harness,
  }) => {
    await openConsole(page, harness, viewport);
    const specialty = page.getByRole('combobox', { name: 'Spécialité' });
    const location = page.getByRole('combobox', { name: 'Adresse ou commune du patient' });

    // A launch with only an INSEE code: the field shows the commune once resolved, not « INSEE 33063 ».
    harness.launch('sas-console://recherche?origin=TEST-SAMU000&specialty=SM54&inseecode=33063');
    await waitForResults(page);
    await expect(location).toHaveValue(/Bordeaux/u);
    await expect(location).not.toHaveValue(/INSEE/u);

    // `/` and Ctrl+K: the specialty field, its text selected.
    await page.getByTestId('result-list').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect(specialty).toBeFocused();
    const selected = () =>
      specialty.evaluate((i: HTMLInputElement) => i.value.slice(i.selectionStart ?? 0, i.selectionEnd ?? 0));
    expect(await selected()).toBe(await specialty.inputValue());
    await location.focus();
    await page.keyboard.press('Control+k');
    await expect(specialty).toBeFocused();
    expect(await selected()).toBe(await specialty.inputValue());

    // A postal code is understood.
    await location.fill('47520');
    await expect(page.getByRole('option', { name: /^Le Passage/u })).toBeVisible();
    // "12 rue X, Agen" is understood: the street is kept, the commune found.
    await location.fill('101 boulevard des Lilas, Agen');
    const street = page.getByRole('option', { name: /^101 boulevard des Lilas, Agen \(47\)/u });
    await expect(street).toBeVisible();
    await shot(page, 'search-bar-01-street-suggestion', viewport);
    await street.click();
    await page.getByRole('button', { name: 'Rechercher' }).click();

    // The first result has the focus; the GP notice is not about the LRM.
    const firstCard = page.getByTestId('result-list').locator('article.card').first();
    await expect(firstCard).toBeFocused({ timeout: 30_000 });
    await waitForResults(page);
    await expect(page.getByText(/non renseigné par le logiciel de régulation/u)).toHaveCount(0);
    await expect(page.getByText(/Triés par distance/u)).toBeVisible();

    // No jargon anywhere on screen.
    const text = (await page.locator('body').innerText()).toLowerCase();
    for (const word of ['géocodage', 'json invalide', 'entrée ignorée', 'entrées ignorées', 'insee 33063'])
      expect(text).not.toContain(word);
    await shot(page, 'search-bar-02-focus-first-result', viewport);
    await expectNoSeriousViolation(page);
  });
}
