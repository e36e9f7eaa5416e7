import { Button } from '@mantine/core';

/** "Muat lagi" for keyset-paginated lists. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button mt="md" variant="light" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
      Muat lagi
    </Button>
  );
}
