// Choosing in one of the app's comboboxes as a user does: click, type, Enter (component tests).
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';

export async function pick(user: UserEvent, label: string, text: string) {
  const box = screen.getByRole('combobox', { name: label });
  await waitFor(() => expect(box).toBeEnabled());
  await user.click(box);
  await user.keyboard(text);
  await user.keyboard('{Enter}');
}
