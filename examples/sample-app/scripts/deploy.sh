#!/bin/sh
# SPDX-License-Identifier: MIT
# Copies the sample application's build output to a target folder.
# DELIBERATELY SLOPPY (example for DSOMM Gate): unquoted variables, cd without a check, backticks. Do not use it.

TARGET=$1
VERSION=`cat VERSION`

cd $TARGET
rm -rf $TARGET/sample-app-$VERSION
cp -r build/* $TARGET/sample-app-$VERSION
echo Deployed version $VERSION to $TARGET
