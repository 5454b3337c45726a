import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from 'antd';
import { Confirm } from '../../renderer/ui/Confirm';

describe('Confirm', () => {
  it('puts the focus on its OK button, so Enter confirms', async () => {
    const confirmed = vi.fn();
    render(
      <Confirm title="确认出借？" okText="确定" cancelText="取消" onConfirm={confirmed}>
        <Button>出借</Button>
      </Confirm>,
    );
    await userEvent.click(screen.getByRole('button', { name: /出\s*借/ }));
    const ok = await screen.findByRole('button', { name: /确\s*定/ });
    await waitFor(() => expect(document.activeElement).toBe(ok));
    await userEvent.keyboard('{Enter}');
    expect(confirmed).toHaveBeenCalledTimes(1);
  });
});
