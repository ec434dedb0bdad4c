// The public face of the reviews library: everything the app and other libraries use.
export * from './access';
export * from './dates';
export * from './review-error';
export * from './review-figures';
export * from './review.dto';
export * from './review.entity';
export * from './reviews.controller';
export * from './reviews.module';
export * from './reviews.service';
