package dev.sweep.follow;

import dev.sweep.SweepException;

/**
 * What a follower found in the followed file does not fit what it was asked to follow: a dataset that
 * is not there (the message lists those that are), key datasets of different ranks, a key that grew in
 * a dimension other than its slowest, a data dataset whose scan shape differs from the keys', a file
 * replaced while it was followed. The message names the datasets and the shapes involved.
 */
public final class FollowException extends SweepException {
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message what is wrong, naming the file, the datasets and their shapes
   */
  public FollowException(String message) {
    super(message);
  }

  /**
   * Makes the exception with its cause.
   *
   * @param message what is wrong
   * @param cause the underlying failure, may be null
   */
  public FollowException(String message, Throwable cause) {
    super(message, cause);
  }
}
