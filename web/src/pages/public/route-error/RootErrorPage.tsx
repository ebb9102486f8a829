import { Container } from '@mantine/core';
import { RouteErrorPage } from './RouteErrorPage';

/** Shown when the layout itself failed, so there is no header, footer or page container around it. */
export function RootErrorPage() {
  return (
    <Container size="lg" py="xl">
      <RouteErrorPage />
    </Container>
  );
}
