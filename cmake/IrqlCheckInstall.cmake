# install rules come with issue 6
