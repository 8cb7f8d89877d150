import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ActivityDetailResponse } from '@keydesk/domain';
import { useTranslate } from 'react-admin';

import { RelativeDate } from '../common/RelativeDateField';

/** Who reviewed the entry, when, and what they said they checked; oldest first. */
export const ActivityReviewsList = ({ reviews }: { reviews: ActivityDetailResponse['reviews'] }) => {
  const translate = useTranslate();
  if (reviews.length === 0)
    return <Typography variant="body2">{translate('keydesk.activity.detail.no_reviews')}</Typography>;
  return (
    <List dense disablePadding>
      {reviews.map((review) => (
        <ListItem key={review.id} disableGutters>
          <ListItemText
            primary={review.comment}
            secondary={
              <>
                {`${review.reviewerName} · `}
                <RelativeDate value={review.reviewedAt} emptyText="keydesk.activity.unknown_time" />
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};
